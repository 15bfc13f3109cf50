#!/usr/bin/env python3
"""Trims the built page (index.html) for transfer: drops HTML comments, CSS comments (in <style>),
whole-line // comments and leading indentation. Debian's emcc 3.1.6 has no HTML minifier (-sMINIFY_HTML=0), and shell.html's
comments and indentation cost about 1 KB gzipped of the page's 300 KB ceiling.

    tools/trim_html.py build/web/index.html       # rewrites the file in place
"""
import re
import sys

path = sys.argv[1]
with open(path, encoding="utf-8") as f:
    text = f.read()
text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
text = re.sub(r"<style>.*?</style>", lambda m: re.sub(r"/\*.*?\*/\s*", "", m.group(0), flags=re.S), text, flags=re.S)
text = re.sub(r"(?m)^[ \t]*//.*\n", "", text)  # a comment alone on its line (never inside a string here)
text = re.sub(r"(?m)^[ \t]+", "", text)
with open(path, "w", encoding="utf-8") as f:
    f.write(text)
