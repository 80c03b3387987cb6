#!/usr/bin/env bash
# Runs once when the dev container (or Codespace) is created. Each step says what it does; a step that
# cannot work here (the archived .NET Interactive tool, Jupyter) explains what to use instead and the
# script goes on. Only packing the extension is required: without it the notebooks cannot load it.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:$HOME/.dotnet/tools"

step() { printf '\n==> %s\n' "$*"; }

step "Restoring the solution"
dotnet restore CrossEntropyNotebooks.sln || echo "warning: restore failed; 'dotnet build CrossEntropyNotebooks.sln' shows why."

step "Installing the .NET Interactive tool as a Jupyter kernel (optional)"
if dotnet tool install --global Microsoft.dotnet-interactive || dotnet tool update --global Microsoft.dotnet-interactive; then
  if command -v jupyter >/dev/null 2>&1; then
    dotnet interactive jupyter install \
      || echo "note: 'dotnet interactive jupyter install' failed. Polyglot Notebooks does not need it; see docs/extension.md for the headless runner."
  else
    echo "note: jupyter is not on PATH, so no Jupyter kernel was registered. Polyglot Notebooks does not need one."
  fi
else
  echo "note: the .NET Interactive tool did not install (the project is archived). Open the notebooks with Polyglot Notebooks,"
  echo "      or run them headless: dotnet run --project src/CrossEntropy.Notebooks -- run notebooks"
fi

step "Packing the extension into the notebooks' feed (artifacts/packages)"
if ! dotnet pack src/CrossEntropy.Interactive -c Release -o artifacts/packages; then
  echo "error: packing CrossEntropy.Interactive failed; the notebooks' setup cell will not find the package." >&2
  exit 1
fi

echo
echo "Ready. Open notebooks/ and run the first cell: #r \"nuget: CrossEntropy.Interactive, *-*\""
