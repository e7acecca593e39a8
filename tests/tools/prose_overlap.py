#!/usr/bin/env python3
"""Find prose we share word for word with a reference text.

Maintainer tool, not run in CI (the references are other projects' sources, which CI does not
have). It reports every run of at least N consecutive words (default 8) that appears both in one
of our files and in one of the reference files. Words are compared lower-cased with punctuation
dropped, so re-wrapping a sentence or changing its quotes does not hide it.

Only prose is compared, because identifiers, field names and keys are facts we must share:
  * C/C++ sources: comments and string literals holding a space (a literal without one is a
    field, param, flag or key name);
  * YAML: comments and the values of prose keys (--yaml-keys, default desc,description);
  * anything else: the whole text.

Usage:
  prose_overlap.py [--min-words N] [--yaml-keys K1,K2] --ref REF [--ref REF ...] OURS [OURS ...]
REF and OURS may be files or directories (searched recursively). Exit status: 0 when nothing is
shared, 1 when some run was found, 2 on bad usage.
"""

import argparse
import os
import re
import sys

CPP_SUFFIXES = (".c", ".cc", ".cpp", ".cxx", ".h", ".hh", ".hpp", ".tpp", ".inc")
YAML_SUFFIXES = (".yaml", ".yml")
WORD_RE = re.compile(r"[a-z0-9]+")


def cpp_prose(text):
    """(line, fragment) pairs of a C/C++ file's comments and string literals, in order."""
    out = []
    i, n, line = 0, len(text), 1
    while i < n:
        c = text[i]
        if c == "\n":
            line += 1
            i += 1
        elif text.startswith("//", i):
            end = text.find("\n", i)
            end = n if end < 0 else end
            out.append((line, text[i + 2:end]))
            i = end
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end
            out.append((line, text[i + 2:end]))
            line += text.count("\n", i, end)
            i = end + 2
        elif text.startswith('R"', i) and text.find("(", i) > 0:
            # Raw string R"delim( ... )delim"
            open_paren = text.find("(", i)
            delim = text[i + 2:open_paren]
            close = text.find(")" + delim + '"', open_paren)
            close = n if close < 0 else close
            out.append((line, text[open_paren + 1:close]))
            line += text.count("\n", i, close)
            i = close + len(delim) + 2
        elif c == '"':
            j = i + 1
            while j < n and text[j] != '"' and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            literal = text[i + 1:j].replace("\\n", " ").replace("\\t", " ")
            # A literal without a space is a name (field, param, flag, key): a fact, not prose.
            if re.search(r"\s", literal.strip()):
                out.append((line, literal))
            i = j + 1
        elif c == "'":
            # Character literal: skip it so a quote inside does not start a string.
            j = i + 1
            while j < n and text[j] != "'" and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            i = j + 1
        else:
            i += 1
    return out


def yaml_prose(text, keys):
    """(line, fragment) pairs of a YAML file's comments and the values of prose keys."""
    out = []
    key_re = re.compile(r"^(\s*)(?:-\s+)?(%s)\s*:\s*(.*)$" % "|".join(map(re.escape, keys)))
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        raw = lines[i]
        stripped = raw.lstrip()
        if stripped.startswith("#"):
            out.append((i + 1, stripped[1:]))
            i += 1
            continue
        m = key_re.match(raw)
        if m:
            indent = len(m.group(1))
            out.append((i + 1, m.group(3)))
            i += 1
            # Continuation lines (block scalars, folded plain scalars): deeper indentation.
            while i < len(lines):
                nxt = lines[i]
                if nxt.strip() and len(nxt) - len(nxt.lstrip()) <= indent:
                    break
                out.append((i + 1, nxt))
                i += 1
            continue
        if "#" in raw:  # trailing comment
            pos = raw.find(" #")
            if pos >= 0:
                out.append((i + 1, raw[pos + 2:]))
        i += 1
    return out


def words_of(path, yaml_keys):
    """List of (word, line) for the prose of one file."""
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
    except OSError as e:
        print("prose_overlap: cannot read %s: %s" % (path, e), file=sys.stderr)
        sys.exit(2)
    if path.endswith(CPP_SUFFIXES):
        fragments = cpp_prose(text)
    elif path.endswith(YAML_SUFFIXES):
        fragments = yaml_prose(text, yaml_keys)
    else:
        fragments = [(n + 1, ln) for n, ln in enumerate(text.split("\n"))]
    result = []
    for line, frag in fragments:
        for k, part in enumerate(frag.split("\n")):
            for w in WORD_RE.findall(part.lower()):
                result.append((w, line + k))
    return result


def expand(paths):
    files = []
    for p in paths:
        if os.path.isdir(p):
            for root, _, names in os.walk(p):
                files.extend(os.path.join(root, nm) for nm in sorted(names))
        elif os.path.isfile(p):
            files.append(p)
        else:
            print("prose_overlap: no such file or directory: %s" % p, file=sys.stderr)
            sys.exit(2)
    return files


def main():
    ap = argparse.ArgumentParser(description="Report word runs shared with reference prose.")
    ap.add_argument("--ref", action="append", required=True, help="reference file or directory")
    ap.add_argument("--min-words", type=int, default=8, help="shortest run reported (default 8)")
    ap.add_argument("--yaml-keys", default="desc,description",
                    help="YAML keys whose values are prose (comma-separated)")
    ap.add_argument("ours", nargs="+", help="our files or directories")
    args = ap.parse_args()
    if args.min_words < 2:
        ap.error("--min-words must be at least 2")
    keys = [k for k in args.yaml_keys.split(",") if k]
    k = args.min_words

    # Every k-word window of the references -> where it first occurs.
    ref_words = {}
    index = {}
    for path in expand(args.ref):
        ws = words_of(path, keys)
        ref_words[path] = ws
        for i in range(len(ws) - k + 1):
            key = tuple(w for w, _ in ws[i:i + k])
            index.setdefault(key, (path, i))

    total = 0
    shared_words = 0
    for path in expand(args.ours):
        ws = words_of(path, keys)
        i = 0
        while i <= len(ws) - k:
            hit = index.get(tuple(w for w, _ in ws[i:i + k]))
            if hit is None:
                i += 1
                continue
            ref_path, j = hit
            rws = ref_words[ref_path]
            length = k  # extend the run as far as both texts agree
            while (i + length < len(ws) and j + length < len(rws)
                   and ws[i + length][0] == rws[j + length][0]):
                length += 1
            total += 1
            shared_words += length
            print("%s:%d: %d words shared with %s:%d: \"%s\"" % (
                path, ws[i][1], length, ref_path, rws[j][1],
                " ".join(w for w, _ in ws[i:i + length])))
            i += length
    print("prose_overlap: %d shared run(s) of >= %d words, %d words in all"
          % (total, k, shared_words), file=sys.stderr)
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
