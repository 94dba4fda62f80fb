using KneeGuide.Core.Caching;
using KneeGuide.Site.Media.Images;

namespace KneeGuide.Site.Media;

/// <summary>
/// What each photo's header says (size, format, alpha), remembered in the build cache by the file's
/// content hash: reading the headers is cheap, but not free on a site with hundreds of photos, and a
/// build after a text edit should not touch them at all.
/// </summary>
internal sealed class ImageHeaders
{
    private const string SectionName = "media:headers";
    private readonly Dictionary<UInt128, ImageInfo> _known;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<UInt128, ImageInfo> _used = new();

    private ImageHeaders(Dictionary<UInt128, ImageInfo> known) => _known = known;

    public static ImageHeaders Load(BuildCache cache)
    {
        var known = new Dictionary<UInt128, ImageInfo>();
        if (cache.Section(SectionName) is { } section)
        {
            try
            {
                var reader = new CacheReader(section);
                var count = (int)reader.ReadUInt();
                for (var i = 0; i < count; i++)
                {
                    var hash = reader.ReadHash();
                    known[hash] = new ImageInfo(reader.ReadInt(), reader.ReadInt(), (ImageFormat)reader.ReadInt(), reader.ReadBool(),
                        reader.ReadBool(), reader.ReadBool(), reader.ReadBool(), reader.ReadBool(), reader.ReadInt());
                }
            }
            catch (CacheFormatException)
            {
                known.Clear();
            }
        }

        return new ImageHeaders(known);
    }

    /// <summary>The header of the file with this content, probed only when not known from the last build.</summary>
    public ImageInfo Of(UInt128 contentHash, string path)
    {
        var info = _known.TryGetValue(contentHash, out var known) ? known : ImageProbe.Probe(path);
        _used[contentHash] = info;
        return info;
    }

    /// <summary>Keeps the headers of this build's photos (only those) for the next build.</summary>
    public void Save(BuildCache cache)
    {
        var writer = new CacheWriter();
        writer.WriteUInt((ulong)_used.Count);
        foreach (var (hash, info) in _used.OrderBy(u => u.Key))
        {
            writer.WriteHash(hash);
            writer.WriteInt(info.Width);
            writer.WriteInt(info.Height);
            writer.WriteInt((int)info.Format);
            writer.WriteBool(info.HasAlpha);
            writer.WriteBool(info.HasExif);
            writer.WriteBool(info.HasXmp);
            writer.WriteBool(info.HasIptc);
            writer.WriteBool(info.HasIccProfile);
            writer.WriteInt(info.Orientation);
        }

        cache.SetSection(SectionName, writer.ToArray());
    }
}
