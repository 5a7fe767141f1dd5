/**
 * The clock scale of the suites whose emulator would otherwise stall on a window: the service's
 * limits stay on (the emulator's default) and a 30-minute window lasts 1 s (a 5-minute one 167 ms).
 * The provider and EmulatorClient.request wait out a 429 as its headers say, so a suite that
 * outruns a window waits about a second where the service would make it wait half an hour.
 */
export const SUITE_CLOCK_SCALE = 1800;
