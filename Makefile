# Bellwether — the two front-door commands:
#   make site   installs what is missing, builds (release), renders examples/articles into site/
#   make test   installs what is missing, builds, runs every test
SHELL := /bin/bash
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN_RELEASE := .build/release/bellwether
ARTICLES ?= examples/articles
OUT ?= site

.PHONY: all site test deps build release clean serve

all: site

# Install libcmark-dev and pkg-config through apt only when pkg-config cannot find libcmark.
deps:
	@if ! pkg-config --exists libcmark 2>/dev/null; then \
	  echo "bellwether: installing libcmark-dev and pkg-config (apt-get)"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libcmark-dev pkg-config >/dev/null; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

site: release
	$(BIN_RELEASE) build $(ARTICLES) --out $(OUT)
	@echo ""
	@echo "Site written to $(OUT)/. Open it with:"
	@echo "  xdg-open $(OUT)/index.html        (or file://$(CURDIR)/$(OUT)/index.html)"
	@echo "or serve it:"
	@echo "  python3 -m http.server -d $(OUT) 8000   then visit http://127.0.0.1:8000/"

test: deps
	$(SWIFT) build
	$(SWIFT) test

clean:
	rm -rf .build
