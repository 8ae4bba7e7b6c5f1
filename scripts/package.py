#!/usr/bin/env python3
"""Packages a built dist/ (scripts/release.sh): a zip and a tar.gz of the site in a folder
icp-advisor-<version>/, and an npm package made with `npm pack`. Reproducible: file order is
sorted and every date is SOURCE_DATE_EPOCH."""
import json, os, shutil, subprocess, sys, tarfile, zipfile, gzip, io

version, dist, out = sys.argv[1], sys.argv[2], sys.argv[3]
epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "0"))
os.makedirs(out, exist_ok=True)
top = f"icp-advisor-{version}"

files = []
for root, _, names in os.walk(dist):
    for n in names:
        full = os.path.join(root, n)
        files.append(os.path.relpath(full, dist).replace(os.sep, "/"))
files.sort()
if "index.html" not in files or "icp-advisor.html" not in files:
    sys.exit(f"package: {dist} is not a release build (run trunk build --release)")

readme = f"""ICP Filing Advisor {version}

A static site: serve this folder from any static server, at any path (see csp.txt for its
Content-Security-Policy; .br and .gz files are precompressed copies for servers that send them).
  index.html         the advisor
  icp-advisor.html   the single-file edition: open it from disk, or mail it
  icp-advisor.js     the JavaScript API, mount() and the <icp-advisor> element
  embed.js           iframe helper (height, share links)
  faq.html, rules.html  the FAQ and the rule map, readable without JavaScript
  examples/          sample documentation pages
""".encode()

def tarinfo(name, size, mode=0o644):
    ti = tarfile.TarInfo(name)
    ti.size, ti.mtime, ti.mode, ti.uid, ti.gid, ti.uname, ti.gname = size, epoch, mode, 0, 0, "", ""
    return ti

entries = [(f"{top}/README.txt", readme)] + [(f"{top}/{f}", open(os.path.join(dist, f), "rb").read()) for f in files]

with zipfile.ZipFile(os.path.join(out, f"{top}.zip"), "w", zipfile.ZIP_DEFLATED) as z:
    stamp = __import__("time").gmtime(max(epoch, 315532800))[:6]
    for name, data in entries:
        info = zipfile.ZipInfo(name, date_time=stamp)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        z.writestr(info, data)

raw = io.BytesIO()
with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as t:
    for name, data in entries:
        t.addfile(tarinfo(name, len(data)), io.BytesIO(data))
with open(os.path.join(out, f"{top}.tar.gz"), "wb") as f:
    f.write(gzip.compress(raw.getvalue(), compresslevel=9, mtime=epoch))

# The npm package: the site's files (not the precompressed copies), with exports for the
# library entry and the files it loads.
pkg = os.path.join(out, "npm")
shutil.rmtree(pkg, ignore_errors=True)
os.makedirs(pkg)
for f in files:
    if f.endswith((".br", ".gz")):
        continue
    dest = os.path.join(pkg, f)
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    shutil.copyfile(os.path.join(dist, f), dest)
with open(os.path.join(pkg, "README.md"), "wb") as f:
    f.write(readme)
manifest = {
    "name": "icp-advisor",
    "version": version,
    "description": "ICP Filing Advisor: guided, cited advice on Chinese ICP Filings, as a static site, a JS API and an <icp-advisor> element.",
    "license": "MIT OR Apache-2.0",
    "type": "module",
    "main": "./icp-advisor.js",
    "exports": {
        ".": "./icp-advisor.js",
        "./icp-advisor.js": "./icp-advisor.js",
        "./embed.js": "./embed.js",
        "./*": "./*",
    },
    "files": sorted({f.split("/")[0] for f in files if not f.endswith((".br", ".gz"))} | {"README.md"}),
}
with open(os.path.join(pkg, "package.json"), "w") as f:
    json.dump(manifest, f, indent=2)
    f.write("\n")
for root, dirs, names in os.walk(pkg):
    for n in dirs + names:
        os.utime(os.path.join(root, n), (epoch, epoch))
subprocess.run(["npm", "pack", "--pack-destination", os.path.abspath(out), "--silent"], cwd=pkg, check=True, stdout=subprocess.DEVNULL)
print(f"package: {top}.zip, {top}.tar.gz, icp-advisor-{version}.tgz ({len(files)} files)")
