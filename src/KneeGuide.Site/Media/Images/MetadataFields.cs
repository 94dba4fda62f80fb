namespace KneeGuide.Site.Media.Images;

/// <summary>The names under which libvips' loaders attach a source's metadata blocks to an image.</summary>
internal static class MetadataFields
{
    public const string Exif = "exif-data";
    public const string Xmp = "xmp-data";
    public const string Iptc = "iptc-data";
    public const string IccProfile = "icc-profile-data";
    /// <summary>The EXIF orientation (1-8), which the loader also copies out of the EXIF block.</summary>
    public const string Orientation = "orientation";
}
