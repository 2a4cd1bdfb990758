#!/bin/sh
# Trunk's post-build hook: turns the staged build into what we deploy.
# Runs in order, every build (dev and release); any failure fails the build.
#   1. publish content/ as the static JSON API  (crates/publisher)
# Later steps are added here, one script each, in the order they must run.
set -eu
: "${TRUNK_STAGING_DIR:?run by Trunk as a post_build hook}"
cargo run --quiet --locked -p portal-publisher -- build --content content --out "$TRUNK_STAGING_DIR/api/v1"
