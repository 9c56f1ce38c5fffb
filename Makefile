# Bellwether — the two front-door commands:
#   make site   installs what is missing, builds bellwether (release), renders examples/articles into site/
#   make test   installs what is missing, builds, runs every test
# `make release` builds both release binaries: bellwether (on Linux a fully static executable,
# see Package.swift) and bellwether-serve, the HTTP server `bellwether serve` starts beside it.
SHELL := /bin/bash
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN_RELEASE := .build/release/bellwether
ARTICLES ?= examples/articles
OUT ?= site

.PHONY: all site test deps build release clean embed browser-test

all: site

# Install libcmark-dev and pkg-config through apt only when pkg-config cannot find libcmark.
# (libcmark-dev also carries the libcmark.a the static release link uses; glibc's and libstdc++'s
# static libraries come with the packages the Swift toolchain already needs.)
deps:
	@if ! pkg-config --exists libcmark 2>/dev/null; then \
	  echo "bellwether: installing libcmark-dev and pkg-config (apt-get)"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libcmark-dev pkg-config >/dev/null; \
	fi

# The binary carries templates/ (so it works from any folder); re-embed when they change.
embed:
	@python3 scripts/embed-templates.py

build: deps embed
	$(SWIFT) build

release: deps embed
	$(SWIFT) build -c release

# The site needs only bellwether: building that product alone skips the HTTP server and FlyingFox
# (about a minute and a half of a fresh clone's build here); `make release` adds them later
# without recompiling the rest.
site: deps embed
	$(SWIFT) build -c release --product bellwether
	$(BIN_RELEASE) build $(ARTICLES) --out $(OUT)
	@echo ""
	@echo "Site written to $(OUT)/. Open it with:"
	@echo "  xdg-open $(OUT)/index.html        (or file://$(CURDIR)/$(OUT)/index.html)"
	@echo "or serve it:"
	@echo "  python3 -m http.server -d $(OUT) 8000   then visit http://127.0.0.1:8000/"
	@echo "  (or make release, then $(BIN_RELEASE) serve $(ARTICLES), which rebuilds on changes)"

test: deps embed
	$(SWIFT) build
	$(SWIFT) test

# Opens the built example site in headless Chromium at phone and desktop widths and runs the
# Nu HTML validator; screenshots of each page kind land in .build/screenshots/.
browser-test: site
	scripts/browser-test.sh $(OUT) --page-kinds index day article archive tickers ticker search

clean:
	rm -rf .build
