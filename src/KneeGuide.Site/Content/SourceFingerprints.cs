using System.Buffers;
using KneeGuide.Core.Caching;

namespace KneeGuide.Site.Content;

/// <summary>
/// The content hash of every input file: what the build cache keys each page's work on. As git's
/// index does, a file whose size and write time are those the previous build recorded is not read
/// again, unless it was written within two seconds of that record (an edit in the same instant can
/// leave both unchanged: git calls such files "racily clean" and reads them). Anything else is read
/// and hashed, on all cores. A file that cannot be read gets no hash: its page reports the error.
/// </summary>
public sealed class SourceFingerprints
{
    private const string SectionName = "sources";
    private static readonly long RacyTicks = TimeSpan.FromSeconds(2).Ticks;
    private readonly Dictionary<string, (FileStamp Stamp, UInt128 Hash)> _files;

    private SourceFingerprints(Dictionary<string, (FileStamp, UInt128)> files) => _files = files;

    /// <summary>How many files had to be read and hashed (the rest were known from their stamps).</summary>
    public int Hashed { get; private init; }

    public UInt128? Of(string relativePath) => _files.TryGetValue(relativePath, out var f) ? f.Hash : null;

    public static SourceFingerprints Compute(SourceCatalog catalog, BuildCache cache)
    {
        var known = Read(cache);
        var files = catalog.Files;
        var results = new (FileStamp, UInt128)?[files.Count];
        var hashed = 0;
        Parallel.For(0, files.Count, i =>
        {
            var stamp = catalog.StampOf(files[i]);
            if (stamp != FileStamp.Unknown && known.Files.TryGetValue(files[i], out var before) && before.Stamp == stamp && stamp.WriteTicks < known.SavedAt - RacyTicks)
            {
                results[i] = (stamp, before.Hash);
                return;
            }

            Interlocked.Increment(ref hashed);
            results[i] = HashFile(catalog.AbsolutePath(files[i])) is { } hash ? (stamp, hash) : null;
        });

        var map = new Dictionary<string, (FileStamp, UInt128)>(files.Count, StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++)
        {
            if (results[i] is { } result)
            {
                map[files[i]] = result;
            }
        }

        return new SourceFingerprints(map) { Hashed = hashed };
    }

    /// <summary>Records the stamps and hashes for the next build, with the time they were taken.</summary>
    public void Save(BuildCache cache)
    {
        var writer = new CacheWriter();
        writer.WriteUInt((ulong)DateTime.UtcNow.Ticks);
        writer.WriteUInt((ulong)_files.Count);
        foreach (var (path, (stamp, hash)) in _files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            writer.WriteString(path);
            writer.WriteUInt((ulong)stamp.Size);
            writer.WriteUInt((ulong)stamp.WriteTicks);
            writer.WriteHash(hash);
        }

        cache.SetSection(SectionName, writer.ToArray());
    }

    private static (long SavedAt, Dictionary<string, (FileStamp Stamp, UInt128 Hash)> Files) Read(BuildCache cache)
    {
        var files = new Dictionary<string, (FileStamp, UInt128)>(StringComparer.Ordinal);
        if (cache.Section(SectionName) is not { } section)
        {
            return (0, files);
        }

        try
        {
            var reader = new CacheReader(section);
            var savedAt = (long)reader.ReadUInt();
            var count = (int)reader.ReadUInt();
            for (var i = 0; i < count; i++)
            {
                files[reader.ReadRequiredString()] = (new FileStamp((long)reader.ReadUInt(), (long)reader.ReadUInt()), reader.ReadHash());
            }

            return (savedAt, files);
        }
        catch (CacheFormatException)
        {
            return (0, new Dictionary<string, (FileStamp, UInt128)>(StringComparer.Ordinal));
        }
    }

    private static UInt128? HashFile(string path)
    {
        try
        {
            using var handle = File.OpenHandle(path);
            var size = RandomAccess.GetLength(handle);
            if (size > Array.MaxLength)
            {
                return null;
            }

            var buffer = ArrayPool<byte>.Shared.Rent((int)size);
            try
            {
                var length = 0;
                int read;
                while (length < size && (read = RandomAccess.Read(handle, buffer.AsSpan(length, (int)size - length), length)) > 0)
                {
                    length += read;
                }

                return ContentHash.Of(buffer.AsSpan(0, length));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
