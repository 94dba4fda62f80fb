#!/usr/bin/python3
"""Writes the imaging benchmark's source images, the same bytes on every run (seeded noise, no clock).

  phone-photo.jpg    4032x3024 JPEG stored landscape with EXIF Orientation=6 (shown portrait, 3024x4032),
                     camera make/model, GPS latitude/longitude, plus XMP and IPTC blocks: a phone photo
  transparent.png    3000x2000 RGBA PNG (soft-edged shapes on a fully transparent background)
  small.jpg          400x300 JPEG, narrower than the smallest derivative (480): must not be upscaled
  test-photo.jpg     (--test-fixture only) 1200x900 JPEG with the phone photo's metadata, small enough
                     to commit for the unit tests

Usage: bench/imaging/make_fixtures.py [--out bench/work/imaging] [--test-fixture PATH]
Needs Debian's python3-pil, python3-numpy and libimage-exiftool-perl (run with /usr/bin/python3).
Deterministic for a given Pillow/libjpeg/zlib and exiftool: the files are generated, never committed
(except the small test fixture).
"""
import argparse, os, subprocess, sys

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))



def scene(width, height, seed):
    """An upright 'photo': sky and ground gradients, many overlapping shapes at several scales (edges
    at every frequency, like foliage and fabric), a blur for optical softness, then sensor noise."""
    rng = np.random.default_rng(seed)
    y = np.linspace(0.0, 1.0, height, dtype=np.float32)[:, None]
    x = np.linspace(0.0, 1.0, width, dtype=np.float32)[None, :]
    def plane(*channels):
        return np.stack([np.broadcast_to(c, (height, width)) for c in channels], axis=-1)
    sky = plane(90 + 80 * y + 20 * x, 140 + 70 * y, 210 - 40 * y)
    ground = plane(70 + 60 * x + 30 * y, 110 + 40 * y, 50 + 20 * x)
    horizon = 0.45
    base = np.where((y < horizon)[..., None], sky, ground).astype(np.uint8)
    img = Image.fromarray(base, "RGB")
    draw = ImageDraw.Draw(img)
    for scale, count in ((0.25, 30), (0.08, 200), (0.02, 1200), (0.006, 5000)):
        r = int(scale * min(width, height))
        for _ in range(count):
            cx, cy = int(rng.integers(0, width)), int(rng.integers(int(height * 0.3), height))
            rx, ry = max(1, int(r * rng.uniform(0.3, 1.0))), max(1, int(r * rng.uniform(0.3, 1.0)))
            colour = tuple(int(v) for v in rng.integers(20, 236, 3))
            if rng.random() < 0.6:
                draw.ellipse((cx - rx, cy - ry, cx + rx, cy + ry), fill=colour)
            else:
                pts = [(cx + int(rng.integers(-rx, rx + 1)), cy + int(rng.integers(-ry, ry + 1))) for _ in range(5)]
                draw.polygon(pts, fill=colour)
    # A knee-brace-like band of stripes: fine repetitive detail, hard for any codec.
    for i in range(0, width, max(2, width // 300)):
        draw.line((i, int(height * 0.15), i + width // 10, int(height * 0.28)), fill=(240, 240, 230), width=1)
    # A marker at the top of the upright picture, so a wrong orientation is visible at a glance.
    draw.rectangle((0, 0, width, height // 40), fill=(220, 30, 30))
    img = img.filter(ImageFilter.GaussianBlur(radius=1.2))
    arr = np.asarray(img, dtype=np.int16)
    arr = arr + rng.normal(0.0, 3.0, arr.shape).astype(np.int16)
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB")


def camera_exif(orientation):
    exif = Image.Exif()
    exif[0x010F] = "KneeCam"            # Make
    exif[0x0110] = "KneeCam Phone 12"   # Model
    exif[0x0112] = orientation          # Orientation
    exif[0x0131] = "KneeCam Camera 4.2" # Software
    exif[0x0132] = "2026:03:14 09:26:53" # DateTime
    return exif


def add_gps_xmp_and_iptc(path):
    """exiftool adds the EXIF GPS block (a point in a London park: a leak would be a real address; this
    Pillow cannot write the GPS IFD), an XMP packet (creator, GPS again) and an IPTC block (by-line,
    city), the way a phone and a photo library would. -overwrite_original: no _original backup file."""
    subprocess.run([
        "exiftool", "-q", "-overwrite_original",
        "-EXIF:GPSLatitude=51.5072", "-EXIF:GPSLatitudeRef=N",
        "-EXIF:GPSLongitude=0.1276", "-EXIF:GPSLongitudeRef=W",
        "-XMP-dc:Creator=Clinic Photographer", "-XMP-dc:Description=Knee exercise, park",
        "-XMP-exif:GPSLatitude=51.5072", "-XMP-exif:GPSLongitude=-0.1276",
        "-IPTC:By-line=Clinic Photographer", "-IPTC:City=London", "-IPTC:Keywords=knee",
        path], check=True)


def phone_photo(path, width, height, quality, seed):
    upright = scene(height, width, seed)    # portrait content: width x height are the stored sizes
    # Orientation 6 means "rotate 90 degrees clockwise to display", so the sensor's pixels are the
    # upright picture turned 90 degrees counter-clockwise (PIL's ROTATE_90).
    stored = upright.transpose(Image.Transpose.ROTATE_90)
    stored.save(path, "JPEG", quality=quality, subsampling="4:2:0", exif=camera_exif(6).tobytes())
    add_gps_xmp_and_iptc(path)


def transparent_png(path, width, height, seed):
    rng = np.random.default_rng(seed)
    img = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    for _ in range(120):
        cx, cy = int(rng.integers(0, width)), int(rng.integers(0, height))
        r = int(rng.integers(20, 300))
        colour = tuple(int(v) for v in rng.integers(0, 256, 3)) + (int(rng.integers(120, 256)),)
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=colour)
    draw.rectangle((width // 4, height // 4, 3 * width // 4, 3 * height // 4), outline=(20, 20, 20, 255), width=12)
    img = img.filter(ImageFilter.GaussianBlur(radius=2.0))   # soft edges: partial alpha, like a cut-out
    img.save(path, "PNG", optimize=False, compress_level=6)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(ROOT, "bench", "work", "imaging"))
    ap.add_argument("--test-fixture", help="also write the 1200x900 unit-test photo to this path")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    photo = os.path.join(a.out, "phone-photo.jpg")
    phone_photo(photo, 4032, 3024, 95, seed=20260314)
    transparent_png(os.path.join(a.out, "transparent.png"), 3000, 2000, seed=7)
    small = os.path.join(a.out, "small.jpg")
    scene(400, 300, seed=3).save(small, "JPEG", quality=85)
    if a.test_fixture:
        phone_photo(a.test_fixture, 1200, 900, 80, seed=11)
    for name in sorted(os.listdir(a.out)):
        print(f"{os.path.getsize(os.path.join(a.out, name)):>10,}  {os.path.join(a.out, name)}")
    if a.test_fixture:
        print(f"{os.path.getsize(a.test_fixture):>10,}  {a.test_fixture}")


if __name__ == "__main__":
    sys.exit(main())
