using KneeGuide.Core.Caching;

namespace KneeGuide.Site.Output;

/// <summary>
/// What is in an output folder: each file's content hash, with the size and write time it had when
/// KneeGuide wrote it. A file whose stamp still matches is taken to hold that content (nobody edits
/// the build's output by hand, and if someone did, the stamp would change); a file whose stamp does
/// not match is treated as unknown and replaced. Kept in the build cache, one per folder.
/// </summary>
public sealed class OutputManifest
{
    private readonly Dictionary<string, Entry> _files;

    private OutputManifest(Dictionary<string, Entry> files) => _files = files;

    public readonly record struct Entry(UInt128 Hash, long Size, long WriteTicks);

    public static OutputManifest Empty(bool trusted = false) => new(new Dictionary<string, Entry>(StringComparer.Ordinal)) { Trusted = trusted };

    public int Count => _files.Count;

    public IEnumerable<string> Paths => _files.Keys;

    /// <summary>
    /// Take the record for the files without looking at them: for folders no one else writes to (the
    /// preview's, kept by one process that wrote every file in them itself).
    /// </summary>
    public bool Trusted { get; init; }

    /// <summary>The hash of the file at <paramref name="destination"/> under <paramref name="root"/>, when it is there unchanged.</summary>
    public UInt128? Verified(string root, string destination)
    {
        if (!_files.TryGetValue(destination, out var entry))
        {
            return null;
        }

        if (Trusted)
        {
            return entry.Hash;
        }

        // One lstat: size and time come from it; a link (which could point anywhere) never matches,
        // since KneeGuide writes plain files and hard links.
        var info = new FileInfo(Path.Combine(root, destination));
        return info.Exists && info.Length == entry.Size && info.LastWriteTimeUtc.Ticks == entry.WriteTicks && (info.Attributes & FileAttributes.ReparsePoint) == 0 ? entry.Hash : null;
    }

    public bool Has(string destination) => _files.ContainsKey(destination);

    public UInt128? HashOf(string destination) => _files.TryGetValue(destination, out var e) ? e.Hash : null;

    /// <summary>Records a file just written or linked (its stamp read from the file system).</summary>
    public void Record(string destination, UInt128 hash, string fullPath)
    {
        var info = new FileInfo(fullPath);
        lock (_files)
        {
            _files[destination] = new Entry(hash, info.Length, info.LastWriteTimeUtc.Ticks);
        }
    }

    public void Keep(string destination, Entry entry)
    {
        lock (_files)
        {
            _files[destination] = entry;
        }
    }

    public Entry? EntryOf(string destination) => _files.TryGetValue(destination, out var e) ? e : null;

    public void Remove(string destination)
    {
        lock (_files)
        {
            _files.Remove(destination);
        }
    }

    public static OutputManifest Read(ReadOnlyMemory<byte>? bytes, bool trusted = false)
    {
        var files = new Dictionary<string, Entry>(StringComparer.Ordinal);
        if (bytes is not { } section)
        {
            return new OutputManifest(files) { Trusted = trusted };
        }

        try
        {
            var reader = new CacheReader(section);
            var count = (int)reader.ReadUInt();
            for (var i = 0; i < count; i++)
            {
                files[reader.ReadRequiredString()] = new Entry(reader.ReadHash(), (long)reader.ReadUInt(), (long)reader.ReadUInt());
            }
        }
        catch (CacheFormatException)
        {
            files.Clear();
        }

        return new OutputManifest(files) { Trusted = trusted };
    }

    public byte[] ToBytes()
    {
        var writer = new CacheWriter();
        writer.WriteUInt((ulong)_files.Count);
        foreach (var (path, entry) in _files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            writer.WriteString(path);
            writer.WriteHash(entry.Hash);
            writer.WriteUInt((ulong)entry.Size);
            writer.WriteUInt((ulong)entry.WriteTicks);
        }

        return writer.ToArray();
    }
}
