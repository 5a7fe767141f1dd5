/** What a stored state says about its object's place: the service instance and the owner. */
import { expect } from "chai";
import { ownerOf } from "../../provider/bridge/ownership";
import { requireSameInstance, serviceInstanceOf } from "../../provider/bridge/service-instance";

describe("service instance and owner of a stored object", () => {
    it("an IBM Cloud instance is the same under its public and private endpoints, and never carries credentials", () => {
        const id = "instances/0a1b2c3d";
        expect(serviceInstanceOf("https://api.us-south.assistant.watson.cloud.ibm.com/instances/0a1b2c3d/")).to.equal(id);
        expect(serviceInstanceOf("https://api.private.us-south.assistant.watson.cloud.ibm.com/instances/0a1b2c3d")).to.equal(id);
        expect(serviceInstanceOf("http://user:secret@127.0.0.1:4000/")).to.equal("http://127.0.0.1:4000");
    });

    it("another instance than the stored one fails naming both; state without one passes", () => {
        expect(() => requireSameInstance("Workspace", "w1", "http://127.0.0.1:1", "http://127.0.0.1:2")).to.throw(/Workspace w1 lives in service instance http:\/\/127\.0\.0\.1:1 .* now points at http:\/\/127\.0\.0\.1:2/);
        expect(() => requireSameInstance("Workspace", "w1", undefined, "http://127.0.0.1:2")).not.to.throw();
        expect(() => requireSameInstance("Workspace", "w1", "http://127.0.0.1:2", "http://127.0.0.1:2")).not.to.throw();
    });

    it("the owner is <project>/<stack>/<name> of the URN, also under a component parent", () => {
        expect(ownerOf("urn:pulumi:prod::shop::pulumi-nodejs:dynamic/watson-assistant:Workspace::skill")).to.equal("shop/prod/skill");
        expect(ownerOf("urn:pulumi:dev::shop::shop:index:Catalog$pulumi-nodejs:dynamic/watson-assistant:Intent::hello")).to.equal("shop/dev/hello");
        expect(ownerOf(undefined)).to.equal(undefined);
    });
});
