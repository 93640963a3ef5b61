"""Finish WeasyPrint's PDF/X-4 for a print shop: every colour CMYK, images ICC-tagged, the
identification complete and reproducible.

WeasyPrint (variant pdf/x-4, with the output profile as its `device-cmyk` colour profile)
writes the output intent, the XMP identification, TrimBox and BleedBox on every page and
CMYK transparency groups. What it leaves in device RGB (CSS and SVG colours, RGB pictures)
is converted here: colours through `CmykConverter` into DeviceCMYK, pictures tagged with
the sRGB profile (ICCBased, as PDF/X-4 allows). The tags and alt texts are kept, and the
XMP also says PDF/UA-1, since the structure is still there.
"""

from __future__ import annotations

import hashlib
from io import BytesIO
from typing import Any

from smguide.handbook.cmyk import CmykConverter
from smguide.safety.iccprofile import OutputProfile

PDFX_VERSION = "PDF/X-4"


def finish_pdfx(data: bytes, profile: OutputProfile, converter: CmykConverter) -> bytes:
    """The PDF with no device RGB left, and its PDF/X-4 identification completed."""
    import pikepdf

    pdf = pikepdf.open(BytesIO(data))
    profiles: dict[bytes | None, Any] = {}  # pictures' profiles (None: sRGB), each once
    for page in pdf.pages:
        _convert_content(pdf, page, page.obj, converter)
    for obj in list(pdf.objects):
        if not isinstance(obj, pikepdf.Stream):
            continue
        if obj.get("/Subtype") == "/Form" or obj.get("/PatternType") == 1:
            _convert_content(pdf, None, obj, converter)
        elif obj.get("/Subtype") == "/Image" and obj.get("/ColorSpace") == "/DeviceRGB":
            _tag_picture(pdf, obj, profiles)
        if obj.get("/ShadingType") is not None:
            _convert_shading(obj, converter)
    _convert_dictionaries(pdf, converter)
    _identify(pdf, profile)
    if "/ID" in pdf.trailer:  # WeasyPrint's was made from its random XMP document id
        del pdf.trailer["/ID"]
    out = BytesIO()
    pdf.save(out, deterministic_id=True)
    return out.getvalue()


def _convert_dictionaries(pdf: Any, converter: CmykConverter) -> None:
    """Shadings that are dictionaries converted; transparency groups blend in CMYK."""
    import pikepdf

    for obj in list(pdf.objects):
        if isinstance(obj, pikepdf.Dictionary) and obj.get("/ShadingType") is not None:
            _convert_shading(obj, converter)
        if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
            _blend_in_device_cmyk(obj)


def _tag_picture(pdf: Any, image: Any, profiles: dict[bytes | None, Any]) -> None:
    """A device RGB picture given its colours' profile: its own (a JPEG's Adobe RGB...),
    else sRGB; each profile is embedded once."""
    import pikepdf

    own = _embedded_profile(image)
    if own not in profiles:
        profiles[own] = _profile_stream(pdf, own) if own is not None else _srgb_stream(pdf)
    image.ColorSpace = pikepdf.Array([pikepdf.Name.ICCBased, profiles[own]])


SOLID_BLACK = (0.0, 0.0, 0.0, 1.0)
OVERPRINT, KNOCKOUT = "/SmguideOverprint", "/SmguideKnockout"  # the two ExtGStates


def _convert_content(pdf: Any, page: Any, stream: Any, converter: CmykConverter) -> None:
    """Replace `r g b rg` / `RG` (DeviceRGB fill / stroke) by `c m y k k` / `K`, and set
    text in solid black (100 % K) to overprint: the black prints over what is under it
    (a callout's tint, a table's band) rather than knocking a letter-shaped hole in it,
    so a slight misregistration shows no white edge. Overprint is on only inside a text
    object while its fill is solid black (overprint mode 1: the other plates are left as
    they are), and off again at its end, so no other painting overprints."""
    import pikepdf

    instructions = pikepdf.parse_content_stream(page if page is not None else stream)
    changed = False
    rebuilt: list[Any] = []
    black = _Overprint(rebuilt)
    for instruction in instructions:
        name = str(instruction.operator)
        operands = list(instruction.operands) if name in ("rg", "RG", "k") else []
        if name in ("rg", "RG") and len(operands) == 3:
            cmyk = converter.cmyk((float(operands[0]), float(operands[1]),
                                   float(operands[2])))
            values = [round(v, 4) for v in cmyk]
            rebuilt.append((values, pikepdf.Operator("k" if name == "rg" else "K")))
            changed = True
        else:
            values = [float(v) for v in operands] if name == "k" else []
            rebuilt.append(instruction)
        black.follow(name, values)
    if black.used:
        _overprint_states(pdf, page if page is not None else stream)
    if not (changed or black.used):
        return
    content = pikepdf.unparse_content_stream(rebuilt)
    if page is not None:
        page.Contents = pdf.make_stream(content)
    else:
        stream.write(content)


class _Overprint:
    """Follows a content stream's fill colour, q/Q and text objects, and adds to `rebuilt`
    the `gs` that turns overprint on where text is filled in solid black, off elsewhere."""

    def __init__(self, rebuilt: list[Any]):
        self.rebuilt, self.used = rebuilt, False
        self.black = self.on = self.in_text = False
        self.saved: list[bool] = []

    def follow(self, name: str, values: list[float]) -> None:
        if name in ("rg", "k"):
            self.black = tuple(values) == SOLID_BLACK
        elif name in ("g", "sc", "scn", "cs"):
            self.black = False
        elif name == "q":
            self.saved.append(self.black)
        elif name == "Q" and self.saved:
            self.black = self.saved.pop()
        elif name in ("BT", "ET"):
            self.in_text = name == "BT"
            if not self.in_text:
                self._state(False)
        if self.in_text:
            self._state(self.black)

    def _state(self, want: bool) -> None:
        import pikepdf

        if want != self.on:
            self.rebuilt.append(([pikepdf.Name(OVERPRINT if want else KNOCKOUT)],
                                 pikepdf.Operator("gs")))
            self.on, self.used = want, True


def _overprint_states(pdf: Any, owner: Any) -> None:
    """The page's or form's resources given the overprint and knockout states."""
    import pikepdf

    if "/Resources" not in owner:
        owner.Resources = pikepdf.Dictionary()
    resources = owner.Resources
    if "/ExtGState" not in resources:
        resources.ExtGState = pikepdf.Dictionary()
    for key, flag in ((OVERPRINT, True), (KNOCKOUT, False)):
        resources.ExtGState[key] = pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.ExtGState, OP=flag, op=flag, OPM=1))


def _convert_shading(shading: Any, converter: CmykConverter) -> None:
    """An RGB gradient (exponential functions, alone or stitched) made CMYK."""
    import pikepdf

    if shading.get("/ColorSpace") != "/DeviceRGB":
        return
    functions = shading.get("/Function")
    parts = list(functions.get("/Functions", [])) if functions is not None else []
    for function in [functions, *parts]:
        if function is None or function.get("/FunctionType") != 2:
            continue
        for key in ("/C0", "/C1"):
            r, g, b = (float(v) for v in function.get(key, [0, 0, 0] if key == "/C0"
                                                      else [1, 1, 1]))
            function[key] = pikepdf.Array([round(v, 4) for v in converter.cmyk((r, g, b))])
    shading.ColorSpace = pikepdf.Name.DeviceCMYK


def _blend_in_device_cmyk(obj: Any) -> None:
    """Transparency groups blend in DeviceCMYK, the output intent's space, rather than in
    the output profile as an ICCBased space: a RIP (and Ghostscript) would otherwise convert
    the group's CMYK to its own CMYK, and pure black text would come out on four plates."""
    import pikepdf

    group = obj.get("/Group")
    if isinstance(group, pikepdf.Dictionary) and group.get("/S") == "/Transparency":
        space = group.get("/CS")
        if isinstance(space, pikepdf.Array) and len(space) == 2 and \
                space[0] == "/ICCBased" and space[1].get("/N") == 4:
            group.CS = pikepdf.Name.DeviceCMYK


def _srgb_stream(pdf: Any) -> Any:
    from PIL import ImageCms

    return _profile_stream(pdf, ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
                           .tobytes())


def _profile_stream(pdf: Any, data: bytes) -> Any:
    stream = pdf.make_stream(data)
    stream.N = 3
    return pdf.make_indirect(stream)


def _embedded_profile(image: Any) -> bytes | None:
    """The RGB ICC profile a JPEG picture carries (WeasyPrint keeps the JPEG's bytes but
    labels them DeviceRGB), or None: then the picture is taken to be sRGB, as a browser
    takes an untagged one. Pictures WeasyPrint re-encodes (PNG, GIF, WebP) have lost any
    profile of their own by then, and are taken to be sRGB too."""
    if image.get("/Filter") != "/DCTDecode":
        return None
    from PIL import Image, ImageCms

    try:
        with Image.open(BytesIO(image.read_raw_bytes())) as picture:
            icc = picture.info.get("icc_profile")
        if not icc:
            return None
        profile = ImageCms.ImageCmsProfile(BytesIO(icc)).profile
    except (OSError, ValueError, ImageCms.PyCMSError):
        return None
    return icc if profile.xcolor_space.strip() == "RGB" else None


def _identify(pdf: Any, profile: OutputProfile) -> None:
    """Output intent naming the printing condition; PDF/X-4 in the info dictionary too;
    PDF/UA-1 in the XMP beside PDF/X-4; document and instance ids from the file's own
    content, so the same inputs give the same bytes."""
    import pikepdf

    for intent in pdf.Root.get("/OutputIntents", []):
        # the profile file itself (WeasyPrint embeds LittleCMS's re-serialised copy, which
        # differs in bytes and is larger): what the print shop sent is what they get back
        intent.DestOutputProfile.write(profile.data())
        intent.OutputConditionIdentifier = pikepdf.String(profile.identifier)
        intent.OutputCondition = pikepdf.String(profile.condition)
        intent.Info = pikepdf.String(profile.description)
        if profile.registry:
            intent.RegistryName = pikepdf.String(profile.registry)
    pdf.docinfo.GTS_PDFXVersion = pikepdf.String(PDFX_VERSION)
    pdf.docinfo.Trapped = pikepdf.Name("/False")
    digest = hashlib.sha256()
    for page in pdf.pages:
        contents = page.obj.get("/Contents")
        for item in (contents if isinstance(contents, pikepdf.Array) else [contents]):
            if item is not None:
                digest.update(item.read_bytes())
    uuid = digest.hexdigest()
    uuid = f"{uuid[:8]}-{uuid[8:12]}-{uuid[12:16]}-{uuid[16:20]}-{uuid[20:32]}"
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        meta.register_xml_namespace("http://www.aiim.org/pdfua/ns/id/", "pdfuaid")
        meta["pdfuaid:part"] = "1"
        meta["xmpMM:DocumentID"] = f"uuid:{uuid}"
        meta["xmpMM:InstanceID"] = f"uuid:{uuid}"
