#!/usr/bin/env bash
# Packs the repository and uses the packages the way a user would, from a temporary local folder of packages:
#   1. `dotnet pack GoKart.slnx -c Release`: a .nupkg and a .snupkg for every project under src/ and the template
#      package, each with its description, MIT licence, README and repository commit;
#   2. installs the gokart tool into a temporary --tool-path and runs `gokart --help`;
#   3. builds and runs a separate project that references the packed GoKart package (not the project) and runs the
#      quickstart (samples/Quickstart/Program.cs);
#   4. installs the template package into a temporary template hive, creates a project with
#      `dotnet new gokart`, builds it, runs it and runs its tests.
# Packing the repository restores and builds it as the tests do; every step after it writes only into a temporary
# folder (CLI home, packages folder, HTTP cache, template hive, tool path), so nothing reaches the user's profile.
# Those restores use a temporary nuget.config whose sources are the local folder of packages plus the sources this
# machine is configured with (its mirror).
#
# Stops at the first failure. Standard output gets one line per step and, last, exactly `pack-check: passed` or
# `pack-check: FAILED` (.ci/run counts it as one test); the output of a failed step goes to standard error.
set -uo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

work=$(mktemp -d "${TMPDIR:-/tmp}/gokart-pack-check.XXXXXX")
trap 'rm -rf "$work"' EXIT
feed="$work/feed"
log="$work/step.log"
step="start"

fail() {
  echo "pack-check: step '$step' failed: $1"
  if [ -s "$log" ]; then
    echo "---- last lines of the output of '$step' ----" >&2
    tail -n 60 "$log" >&2
    echo "----" >&2
  fi
  echo "pack-check: FAILED"
  exit 1
}

# run SECONDS COMMAND...: runs one command of the current step with a time limit; its output goes to $log.
run() {
  local limit=$1
  shift
  timeout --kill-after=30 "$limit" "$@" >"$log" 2>&1
  local rc=$?
  if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
    fail "timed out after ${limit}s: $*"
  elif [ "$rc" -ne 0 ]; then
    fail "exit code $rc: $*"
  fi
}

begin() {
  step=$1
  : >"$log"
  echo "pack-check: $step"
}

# The sources this machine restores from, read before anything below changes the CLI's environment.
begin "reading the machine's NuGet sources"
run 60 dotnet nuget list source --format short
mapfile -t sources < <(sed -n 's/^ *E[A-Za-z]* \+//p' "$log")
[ "${#sources[@]}" -gt 0 ] || fail "no enabled package source in 'dotnet nuget list source'"

# The repository packs with its own restore settings and packages folder, as the tests before it built.
begin "dotnet pack GoKart.slnx -c Release"
mkdir -p "$feed"
run 1200 dotnet pack GoKart.slnx -c Release -o "$feed" -nodeReuse:false -p:UseSharedCompilation=false

begin "reading the packed version"
run 120 dotnet msbuild src/GoKart/GoKart.csproj -getProperty:PackageVersion -p:Configuration=Release
version=$(tail -n 1 "$log" | tr -d '[:space:]')
[ -n "$version" ] || fail "empty PackageVersion"
echo "pack-check: version $version"

# Everything the dotnet CLI and NuGet would keep in the user's profile goes to the temporary folder instead; no
# build server or MSBuild node outlives its command.
export DOTNET_CLI_HOME="$work/home"
export NUGET_PACKAGES="$work/packages"
export NUGET_HTTP_CACHE_PATH="$work/http-cache"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export MSBUILDDISABLENODEREUSE=1 UseSharedCompilation=false DOTNET_CLI_USE_MSBUILD_SERVER=0
DOTNET_ROOT=$(dirname "$(readlink -f "$(command -v dotnet)")")
export DOTNET_ROOT
mkdir -p "$DOTNET_CLI_HOME"

# Projects made below live in $work: these empty files stop MSBuild from picking up any Directory.*.props found
# further up (in /tmp or /), so they build as in a user's empty folder.
for f in Directory.Build.props Directory.Build.targets Directory.Packages.props; do
  echo '<Project />' >"$work/$f"
done
{
  echo '<?xml version="1.0" encoding="utf-8"?>'
  echo '<configuration>'
  echo '  <packageSources>'
  echo '    <clear />'
  echo "    <add key=\"gokart-local\" value=\"$feed\" />"
  i=0
  for s in "${sources[@]}"; do
    i=$((i + 1))
    echo "    <add key=\"machine-source-$i\" value=\"$s\" />"
  done
  echo '  </packageSources>'
  echo '</configuration>'
} >"$work/nuget.config"

begin "checking the packages' contents"
packages=()
for project in src/*/*.csproj; do
  # Not a package of its own (the source generator ships inside GoKart, checked below).
  grep -q '<IsPackable>false</IsPackable>' "$project" && continue
  packages+=("$(basename "$project" .csproj)")
done
run 60 python3 - "$feed" "$version" GoKart.Templates "${packages[@]}" <<'EOF'
import sys, zipfile, xml.etree.ElementTree as ET
feed, version, template, libraries = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
problems = []
for name in [template] + libraries:
    path = f"{feed}/{name}.{version}.nupkg"
    try:
        package = zipfile.ZipFile(path)
    except OSError:
        problems.append(f"{path}: missing (every project under src/ must pack, with PackageId = its project name)")
        continue
    files = package.namelist()
    nuspec = ET.fromstring(package.read(f"{name}.nuspec"))
    ns = {"n": nuspec.tag[1:].split("}")[0]}
    meta = nuspec.find("n:metadata", ns)
    text = lambda tag: (meta.findtext(f"n:{tag}", default="", namespaces=ns) or "").strip()
    if not text("description") or text("description") == "Package Description":
        problems.append(f"{name}: no description")
    licence = meta.find("n:license", ns)
    if licence is None or licence.get("type") != "expression" or licence.text != "MIT":
        problems.append(f"{name}: licence is not the MIT expression")
    if text("readme") != "README.md" or "README.md" not in files:
        problems.append(f"{name}: no README.md")
    repository = meta.find("n:repository", ns)
    if repository is None or not repository.get("commit"):
        problems.append(f"{name}: no repository commit")
    if name == template:
        types = [t.get("name") for t in meta.iter(f"{{{ns['n']}}}packageType")]
        if "Template" not in types or not any(f.endswith(".template.config/template.json") for f in files):
            problems.append(f"{name}: not a template package")
        continue
    if name == "GoKart" and "analyzers/dotnet/cs/GoKart.Generators.dll" not in files:
        problems.append(f"{name}: the source generator (analyzers/dotnet/cs/GoKart.Generators.dll) is missing")
    dlls = [f for f in files if f.endswith(".dll") and (f.startswith("lib/") or f.startswith("tools/"))]
    if not dlls:
        problems.append(f"{name}: no assembly under lib/ or tools/")
    try:
        symbols = zipfile.ZipFile(f"{feed}/{name}.{version}.snupkg").namelist()
        if not any(f.endswith(".pdb") for f in symbols):
            problems.append(f"{name}: the .snupkg has no .pdb")
    except OSError:
        problems.append(f"{name}: no .snupkg")
if problems:
    print("\n".join(problems))
    sys.exit(1)
print("checked", len(libraries) + 1, "packages")
EOF

begin "dotnet tool install GoKart.Cli into a temporary tool path"
run 600 dotnet tool install GoKart.Cli --version "$version" --tool-path "$work/tools" --configfile "$work/nuget.config"

begin "gokart --help"
run 60 "$work/tools/gokart" --help
grep -q "experiments" "$log" || fail "the help does not mention the experiments command"

begin "a consumer of the GoKart package: restore and build"
consumer="$work/consumer"
mkdir -p "$consumer"
cp samples/Quickstart/Program.cs "$consumer/Program.cs"
cat >"$consumer/Consumer.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="GoKart" Version="[$version]" />
  </ItemGroup>
</Project>
EOF
run 900 dotnet build "$consumer/Consumer.csproj" -c Release
restored="$NUGET_PACKAGES/gokart/$version/lib/net10.0/GoKart.dll"
cmp -s "$restored" "$consumer/bin/Release/net10.0/GoKart.dll" ||
  fail "the consumer's GoKart.dll is not the one from the packed GoKart $version"

begin "a consumer of the GoKart package: the quickstart"
run 120 env -C "$consumer" dotnet bin/Release/net10.0/Consumer.dll
grep -qx "Hello, world!" "$log" || fail "the quickstart did not print 'Hello, world!'"
# The id is gokart's for the same task (README.md); computed by Python's gokart, not by this code.
[ -f "$consumer/resources/__main__/Example_8441c59b5ce0113396d53509f19371fb.json" ] ||
  fail "no resources/__main__/Example_8441c59b5ce0113396d53509f19371fb.json"

begin "dotnet new install GoKart.Templates (temporary template hive)"
hive="$work/template-hive"
run 300 dotnet new install "$feed/GoKart.Templates.$version.nupkg" --debug:custom-hive "$hive"

begin "dotnet new gokart -n MyPipeline"
made="$work/made/MyPipeline"
run 300 dotnet new gokart -n MyPipeline -o "$made" --debug:custom-hive "$hive"
grep -q "Include=\"GoKart\" Version=\"$version\"" "$made/MyPipeline/MyPipeline.csproj" ||
  fail "MyPipeline.csproj does not reference GoKart $version"

begin "the new pipeline: build"
run 900 dotnet build "$made/MyPipeline.slnx"

begin "the new pipeline: dotnet run -- SumOfSquares"
run 300 dotnet run --no-build --project "$made/MyPipeline/MyPipeline.csproj" -- SumOfSquares
# gokart.ini sets Numbers' count to 100: 1² + ... + 100² = 100·101·201/6.
mapfile -t outputs < <(find "$made/MyPipeline/resources" -name 'SumOfSquares_*.json' -not -path '*/log/*')
[ "${#outputs[@]}" -eq 1 ] || fail "expected one SumOfSquares_<id>.json under $made/MyPipeline/resources, found ${#outputs[@]}"
[ "$(tr -d '[:space:]' <"${outputs[0]}")" = "338350" ] || fail "SumOfSquares saved '$(cat "${outputs[0]}")', not 338350"

begin "the new pipeline: dotnet test"
run 900 dotnet test --no-build "$made/MyPipeline.slnx"
grep -Eq 'Passed: +[1-9]' "$log" && grep -Eq 'Failed: +0\b' "$log" || fail "the template's tests did not all run and pass"

echo "pack-check: passed"
