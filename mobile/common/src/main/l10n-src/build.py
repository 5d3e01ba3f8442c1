#!/usr/bin/env python3
"""Writes ../l10n/messages*.properties (ISO-8859-1 with \\u escapes, as Java properties loaders expect) from the
UTF-8 sources here. Edit the *.utf8.properties files, then run this script."""
import os
here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, '..', 'l10n')
os.makedirs(out, exist_ok=True)
def esc(s):
    return ''.join(c if ord(c) < 128 else '\\u%04x' % ord(c) for c in s)
for lang in ('fr', 'en'):
    text = open(os.path.join(here, 'messages_%s.utf8.properties' % lang), encoding='utf-8').read()
    data = esc(text)
    open(os.path.join(out, 'messages_%s.properties' % lang), 'w', encoding='ascii').write(data)
    if lang == 'fr':
        open(os.path.join(out, 'messages.properties'), 'w', encoding='ascii').write(data)
