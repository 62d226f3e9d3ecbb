#!/usr/bin/env bash
# Runs every test: unit, property, integration, command-line and headless GUI tests.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --locked --all-targets "$@"
