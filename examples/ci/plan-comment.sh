#!/usr/bin/env bash
# Pull-request plan comment for watsonx Assistant stacks.
#
# Runs `pulumi preview` for each stack given, with WATSON_ASSISTANT_PLAN_FILE set, so that every
# Workspace, Intent, Entity, DialogNode, Skill, Release and EnvironmentDeployment with a planned
# change appends a Markdown section (what changes, element by element, and the API calls) to the
# plan file. The sections are gathered under one heading per stack into a comment body; with
# GitHub's `gh` CLI and PR_NUMBER set, the comment is posted to the pull request.
#
#   examples/ci/plan-comment.sh dev staging prod        # from the Pulumi project's folder
#
# Environment: PULUMI_* settings as for any preview (backend, passphrase or access token),
# COMMENT_FILE (default plan-comment.md), PR_NUMBER (post with `gh pr comment` when set).
set -euo pipefail

[ "$#" -gt 0 ] || { echo "usage: $0 <stack>..." >&2; exit 2; }
comment_file=${COMMENT_FILE:-plan-comment.md}
plan_file=$(mktemp)
trap 'rm -f "$plan_file"' EXIT
export WATSON_ASSISTANT_PLAN_FILE="$plan_file"

echo "## watsonx Assistant plan" > "$comment_file"
for stack in "$@"; do
    : > "$plan_file"   # the provider appends: start each stack empty
    pulumi preview --stack "$stack" --non-interactive --color never >&2
    {
        echo
        echo "### Stack \`$stack\`"
        echo
        if [ -s "$plan_file" ]; then cat "$plan_file"; else echo "No change to watsonx Assistant content."; echo; fi
    } >> "$comment_file"
done

if [ -n "${PR_NUMBER:-}" ]; then
    gh pr comment "$PR_NUMBER" --body-file "$comment_file"
else
    cat "$comment_file"
fi
