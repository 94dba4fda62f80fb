using NetVips;
using KneeGuide.Tests.Support;

namespace KneeGuide.Tests.Media;

/// <summary>
/// Source images for the image tests: the committed phone photo (bench/imaging/make_fixtures.py
/// --test-fixture) and small images made on the spot with libvips in a temporary folder, deleted on dispose.
/// </summary>
public sealed class TestImages : IDisposable
{
    /// <summary>
    /// 1200x900 JPEG stored landscape with EXIF Orientation=6 (shown 900x1200, portrait, with a red band
    /// along the top of the upright picture), camera make and model, EXIF GPS, an XMP packet (creator,
    /// GPS) and an IPTC block (by-line, city).
    /// </summary>
    public static string PhonePhoto { get; } =
        Path.Combine(TestSite.RepositoryRoot, "tests", "KneeGuide.Tests", "Media", "Fixtures", "phone-photo-orientation-6.jpg");

    /// <summary>
    /// Byte strings whose presence in a derivative would mean metadata leaked. None shorter than four
    /// bytes: a three-byte one such as "GPS" turns up by chance in compressed pixel data.
    /// </summary>
    public static IReadOnlyList<string> MetadataMarkers { get; } =
    [
        "Exif\0\0", "EXIF",           // the EXIF header in JPEG and PNG, WebP's EXIF chunk
        "GPSLatitude", "GPSLongitude",  // XMP's GPS tags (EXIF's are binary, inside the block above)
        "KneeCam",                      // the camera make and model
        "Clinic Photographer",          // XMP creator, IPTC by-line
        "London",                       // IPTC city
        "x:xmpmeta", "ns.adobe.com/xap", "XMP ", // an XMP packet, WebP's XMP chunk
        "Photoshop 3.0", "8BIM",        // the IPTC APP13 block
        "ICC_PROFILE", "ICCP", "iCCP", "colr", // an ICC profile in JPEG, WebP, PNG, AVIF
        "eXIf", "iTXt", "tEXt", "zTXt", // PNG metadata chunks
    ];

    public TestImages()
    {
        Folder = Path.Combine(Path.GetTempPath(), "kneeguide-tests", "images-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    /// <summary>A width x height RGBA PNG: a transparent left half, an opaque red right half.</summary>
    public string TransparentPng(int width = 800, int height = 600)
    {
        using var xyz = Image.Xyz(width, height);
        using var x = xyz[0];
        using var rightHalf = x >= width / 2;               // 255 on the right, 0 on the left
        using var black = Image.Black(width, height, bands: 3);
        using var red = black + new double[] { 200, 30, 30 };
        using var rgb = red.Cast(Enums.BandFormat.Uchar);
        using var rgba = rgb.Bandjoin(rightHalf);
        using var srgb = rgba.Copy(interpretation: Enums.Interpretation.Srgb);
        // keep=None: by default libvips' savers write an EXIF block (resolution) even for an image that had none.
        return Save(srgb, "transparent.png", i => i.Pngsave(Path.Combine(Folder, "transparent.png"), keep: Enums.ForeignKeep.None));
    }

    /// <summary>
    /// The phone photo's pixels and its EXIF (GPS included), XMP and IPTC blocks in another container,
    /// PNG, WebP, GIF or AVIF, as libvips writes them (a phone's PNG screenshot, a WebP from a messaging
    /// app). GIF and AVIF are written 120 px wide: their encoders are slow, and these only test the format.
    /// </summary>
    public string PhonePhotoAs(string extension)
    {
        var path = Path.Combine(Folder, "phone-photo." + extension);
        if (extension is "gif" or "avif")
        {
            // noRotate: the thumbnail keeps the stored orientation and its tag, like the source.
            using var small = Image.Thumbnail(PhonePhoto, 120, noRotate: true);
            small.WriteToFile(path + (extension == "avif" ? "[effort=0]" : "[effort=1]"));
            return path;
        }

        using var photo = Image.NewFromFile(PhonePhoto);
        photo.WriteToFile(path);
        return path;
    }

    /// <summary>A small opaque JPEG, narrower than the smallest standard width.</summary>
    public string SmallJpeg(int width = 400, int height = 300)
    {
        using var photo = Image.Thumbnail(PhonePhoto, width, height: height, crop: Enums.Interesting.Centre);
        return Save(photo, "small.jpg", i => i.Jpegsave(Path.Combine(Folder, "small.jpg"), q: 85));
    }

    /// <summary>The phone photo's pixels tagged with a wide-gamut Display P3 profile, as an iPhone saves them.</summary>
    public string DisplayP3Jpeg()
    {
        using var stored = Image.NewFromFile(PhonePhoto);
        using var photo = stored.Autorot();
        using var p3 = photo.IccTransform("p3", inputProfile: "srgb", embedded: false);
        return Save(p3, "display-p3.jpg", i => i.Jpegsave(Path.Combine(Folder, "display-p3.jpg"), q: 90, profile: "p3"));
    }

    /// <summary>A file with any bytes, for the refusal tests.</summary>
    public string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string Save(Image image, string name, Action<Image> save)
    {
        save(image);
        return Path.Combine(Folder, name);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }
}
