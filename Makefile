# The two commands in the README; everything else is a building block.
.PHONY: run test setup dev bench lighthouse

## Install what is missing, build the release and serve it on http://127.0.0.1:8080
run:
	bash scripts/run.sh

## Install what is missing and run every check and test
test:
	bash scripts/test.sh

setup:
	bash scripts/setup.sh

## Rebuild on change while developing (no release optimisations)
dev: setup
	PATH="$$HOME/.cargo/bin:$$PWD/node_modules/.bin:$$PATH" trunk serve

## Performance figures against their budgets (release build, headless Chromium, 10 / 1,000 / 4,000 sessions);
## prints one `bench: …` line per figure and writes bench/RESULTS.md
bench: setup
	bash scripts/bench.sh

## Lighthouse scores (accessibility, best practices, performance) of the release build
lighthouse: setup
	PATH="$$HOME/.cargo/bin:$$PWD/node_modules/.bin:$$PATH" trunk build --release
	node scripts/lighthouse.mjs
