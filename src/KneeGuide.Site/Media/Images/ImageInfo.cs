namespace KneeGuide.Site.Media.Images;

/// <summary>
/// What a source image's header says about it.
/// </summary>
/// <param name="Width">Pixel width as displayed: after the EXIF orientation is applied (a portrait phone photo stored 4032x3024 with Orientation=6 is 3024 wide).</param>
/// <param name="Height">Pixel height as displayed, likewise.</param>
/// <param name="Format">The format its bytes are in.</param>
/// <param name="HasAlpha">It has an alpha channel (PNG, WebP, GIF or AVIF with transparency): derivatives keep it, and the fallback is PNG rather than JPEG.
/// Read from the header: an alpha channel whose pixels all happen to be opaque still counts.</param>
/// <param name="HasExif">It carries an EXIF block (camera, time, often GPS).</param>
/// <param name="HasXmp">It carries an XMP packet.</param>
/// <param name="HasIptc">It carries an IPTC block.</param>
/// <param name="HasIccProfile">It embeds an ICC colour profile.</param>
/// <param name="Orientation">The EXIF orientation tag, 1 (upright, also when there is none) to 8.</param>
public sealed record ImageInfo(
    int Width,
    int Height,
    ImageFormat Format,
    bool HasAlpha,
    bool HasExif,
    bool HasXmp,
    bool HasIptc,
    bool HasIccProfile,
    int Orientation)
{
    /// <summary>Whether any block that can identify a person, a place or a device is present.</summary>
    public bool HasMetadata => HasExif || HasXmp || HasIptc;
}
