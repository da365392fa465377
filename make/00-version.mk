# ---- version of the sources -----------------------------------------------------------------
# Read once per make and exported to every program as AR_VERSION (lib/io/out.h writes it into each
# data header at run time).  It is not compiled in, so a commit reruns no experiment; a modified
# tree says so (-dirty).  In a repository: git describe; in an archive from make dist (no .git): its
# VERSION file.  make verify pins all three to "reference".
ifeq ($(shell git rev-parse --show-toplevel 2>/dev/null),$(CURDIR))
VERSION_NOW    := $(shell git describe --always --dirty --tags)
VERSION_DATE   := $(shell git log -1 --format=%cs)
VERSION_COMMIT := $(shell git rev-parse HEAD)
else ifneq ($(wildcard VERSION),)
VERSION_NOW    := $(shell sed -n 's/^version: //p' VERSION)
VERSION_DATE   := $(shell sed -n 's/^date: //p' VERSION)
VERSION_COMMIT := $(shell sed -n 's/^commit: //p' VERSION)
else
VERSION_NOW    := unknown
VERSION_DATE   := undated
VERSION_COMMIT := unknown
endif
export AR_VERSION := $(VERSION_NOW)
