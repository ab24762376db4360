#!/usr/bin/env bash
# Restores, builds and runs every test project; prints "N passed, N failed[, N skipped]" last.
set -uo pipefail
cd "$(dirname "$0")"
results="$PWD/TestResults"
rm -rf "$results"
# Interop tests drive third-party Hyperliquid clients from npm (pinned by package-lock.json).
if [ -f tests/interop/package-lock.json ] && [ ! -d tests/interop/node_modules ]; then
  (cd tests/interop && npm ci --no-audit --no-fund --loglevel=error) || { echo "0 passed, 1 failed"; exit 1; }
fi
dotnet build Halyard.slnx -c Release -nologo -v q || { echo "0 passed, 1 failed"; exit 1; }
dotnet test --solution Halyard.slnx -c Release --no-build --results-directory "$results" --report-xunit-trx "$@"
status=$?
# A test project that crashes writes no TRX: count it as a failure so it is never hidden.
projects=$(grep -c 'tests/.*Tests.csproj' Halyard.slnx)
trx_count=$(find "$results" -name '*.trx' 2>/dev/null | wc -l)
cat "$results"/*.trx 2>/dev/null | grep -o '<Counters [^>]*>' | awk -v missing=$((projects - trx_count)) '
  function val(k,  m) { return match($0, k "=\"[0-9]+\"") ? substr($0, RSTART + length(k) + 2, RLENGTH - length(k) - 3) + 0 : 0 }
  { p += val("passed"); f += val("failed") + val("error") + val("timeout") + val("aborted"); s += val("notExecuted") }
  END { if (missing > 0) f += missing; printf "%d passed, %d failed%s\n", p, f, (s ? sprintf(", %d skipped", s) : "") }'
exit $status
