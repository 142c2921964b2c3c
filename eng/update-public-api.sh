#!/usr/bin/env bash
# Rewrites every src/*/PublicAPI.Unshipped.txt from the code: empties it, then lets the PublicApiAnalyzers code fix
# (RS0016, "symbol is not part of the declared public API") add every public symbol that PublicAPI.Shipped.txt does
# not list. Run it after changing or merging public API, then review `git diff -- '*PublicAPI*.txt'`.
#
#   eng/update-public-api.sh                    # every package under src/
#   eng/update-public-api.sh src/GoKart.S3      # only these
#   GOKART_BUILD_LOCK=/tmp/gokart-build.lock eng/update-public-api.sh   # take a shared build lock per project
#
# Needs the .NET SDK (dotnet format ships with it). Takes one to three minutes per project.
set -euo pipefail
cd "$(dirname "$0")/.."

run() {
  if [[ -n "${GOKART_BUILD_LOCK:-}" ]]; then
    flock -o "$GOKART_BUILD_LOCK" "$@"
  else
    "$@"
  fi
}

if [[ $# -gt 0 ]]; then
  folders=("$@")
else
  # The core first: every other package references it.
  folders=(src/GoKart)
  for f in src/*/; do
    f=${f%/}
    [[ $f == src/GoKart ]] && continue
    [[ -f $f/PublicAPI.Unshipped.txt ]] && folders+=("$f")
  done
fi

for folder in "${folders[@]}"; do
  folder=${folder%/}
  project=$(ls "$folder"/*.csproj)
  [[ -f $folder/PublicAPI.Shipped.txt ]] || printf '#nullable enable\n' > "$folder/PublicAPI.Shipped.txt"
  printf '#nullable enable\n' > "$folder/PublicAPI.Unshipped.txt"
  echo "== $project"
  run dotnet format analyzers "$project" --diagnostics RS0016 --severity warn --verbosity quiet
  # The code fix inserts lines in order, but keep the file sorted whatever it does (ordinal, header first).
  { head -n 1 "$folder/PublicAPI.Unshipped.txt"; tail -n +2 "$folder/PublicAPI.Unshipped.txt" | LC_ALL=C sort -u; } > "$folder/PublicAPI.Unshipped.txt.new"
  mv "$folder/PublicAPI.Unshipped.txt.new" "$folder/PublicAPI.Unshipped.txt"
  echo "   $(($(wc -l < "$folder/PublicAPI.Unshipped.txt") - 1)) symbols in $folder/PublicAPI.Unshipped.txt"
done
