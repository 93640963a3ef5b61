"""sRGB colours -> the CMYK the plates print, through the output profile (LittleCMS).

Three rules, in order:
1. a colour the brand gives exact CMYK for (`defaults.smguide.print.cmyk`) prints as given;
2. a grey (chroma under NEUTRAL_CHROMA in CIELAB), and each colour named in `k_only` (the
   handbook's text, rule and writing-line colours, when they are near-greys such as a
   blue-black: chroma under TEXT_CHROMA), prints on the black plate only, as the K tint
   whose lightness on the output profile matches the colour's; a near-black (a tint of
   NEAR_BLACK_K or more, such as a brand's ink #1d2327 at 96 %) prints as solid black,
   100 % K: a 96 % screen at text size prints as a dot pattern and looks fuzzy, while
   the difference in tone is too small to see;
3. any other colour is converted sRGB -> output profile, relative colorimetric with black
   point compensation (what a prepress application does by default). Light tints keep
   their hue this way, though their chroma is low.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

from smguide.safety.iccprofile import OutputProfile

NEUTRAL_CHROMA = 2.5  # CIELAB C*: below this any colour is read as a grey
TEXT_CHROMA = 12.0  # a text colour this close to grey still prints on black only
NEAR_BLACK_K = 0.9  # a K tint this dark prints as solid black (0 0 0 1)
Cmyk = tuple[float, float, float, float]  # 0..1 each
Rgb = tuple[float, float, float]  # 0..1 each


class CmykConverter:
    """Converts sRGB values to CMYK for one output profile, with the brand's exact values."""

    def __init__(self, profile: OutputProfile, exact: dict[str, Cmyk] | None = None,
                 k_only: tuple[str, ...] = ()):
        from PIL import Image, ImageCms

        self._image, self._cms = Image, ImageCms
        output = ImageCms.ImageCmsProfile(str(profile.path))
        srgb, lab = ImageCms.createProfile("sRGB"), ImageCms.createProfile("LAB")
        flags = ImageCms.Flags.BLACKPOINTCOMPENSATION
        intent = ImageCms.Intent.RELATIVE_COLORIMETRIC
        self._to_cmyk = ImageCms.buildTransform(srgb, output, "RGB", "CMYK", intent,
                                                flags=flags)
        self._to_lab = ImageCms.buildTransform(srgb, lab, "RGB", "LAB", intent)
        ramp = Image.frombytes("CMYK", (256, 1),
                               b"".join(bytes((0, 0, 0, k)) for k in range(256)))
        black_lab = ImageCms.buildTransform(output, lab, "CMYK", "LAB", intent,
                                            flags=flags)
        ramp_l = self._apply(ramp, black_lab)[0::3]
        self._k_lightness = list(ramp_l)  # L* (0..255) of each K tint, from paper to solid
        self._exact = {key.lower(): value for key, value in (exact or {}).items()}
        self._k_only = {key.lower() for key in k_only}
        self.cmyk = lru_cache(maxsize=4096)(self._cmyk)

    def _apply(self, image: Any, transform: Any) -> bytes:
        converted = self._cms.applyTransform(image, transform)
        assert converted is not None  # None only when converting in place
        return converted.tobytes()

    def _lab(self, byte: tuple[int, ...]) -> tuple[int, float]:
        """(L* as 0..255, C*) of an sRGB colour given as bytes."""
        pixel = self._image.new("RGB", (1, 1), byte)
        lightness, a, b = self._apply(pixel, self._to_lab)
        a, b = (v - 256 if v > 127 else v for v in (a, b))  # signed bytes in Pillow's LAB
        return lightness, math.hypot(a, b)

    def _cmyk(self, rgb: Rgb) -> Cmyk:
        byte = tuple(max(0, min(255, round(v * 255))) for v in rgb)
        hex_value = "#{:02x}{:02x}{:02x}".format(*byte)
        if hex_value in self._exact:
            return self._exact[hex_value]
        lightness, chroma = self._lab(byte)
        if chroma < NEUTRAL_CHROMA or (hex_value in self._k_only and chroma < TEXT_CHROMA):
            return 0.0, 0.0, 0.0, self._k_for(lightness)
        pixel = self._image.new("RGB", (1, 1), byte)
        c, m, y, k = self._apply(pixel, self._to_cmyk)
        return c / 255, m / 255, y / 255, k / 255

    def _k_for(self, lightness: int) -> float:
        """The K tint (0..1) whose lightness on this profile is nearest `lightness`; paper
        white and anything lighter is 0, the solid black, anything darker and any tint of
        NEAR_BLACK_K or more 1."""
        ramp = self._k_lightness
        if lightness >= ramp[0]:
            return 0.0
        if lightness <= ramp[-1]:
            return 1.0
        best = min(range(256), key=lambda k: abs(ramp[k] - lightness)) / 255
        return 1.0 if best >= NEAR_BLACK_K else round(best, 3)
