namespace KneeGuide.Core.Caching;

/// <summary>
/// Files made from a fingerprint of everything they are made from (a whole-site file, or one shard of
/// one): while the fingerprint is the one of the last build and the earlier output still holds the
/// files, they are reused as they are instead of being made again. The fingerprint must cover
/// everything the files depend on, the way a cached page's reads do.
/// </summary>
public static class CachedFiles
{
    /// <summary>The files stored for <paramref name="unit"/> with this fingerprint, as documents reusing the earlier output; null when they must be made.</summary>
    public static IReadOnlyList<Document>? Find(IExecutionContext context, string unit, UInt128 fingerprint)
    {
        var cache = context.GetService<BuildCache>();
        if (cache.Find(Key(context, unit), fingerprint, context.GetService<IFactSource>()) is not { } entry || Decode(entry.Payload) is not { } files)
        {
            return null;
        }

        return files.Select(f => new Document(null, f.Destination, DocumentContent.Reused(f.Hash))).ToList();
    }

    /// <summary>Records the files just made for <paramref name="unit"/>, for the next build to reuse.</summary>
    public static void Store(IExecutionContext context, string unit, UInt128 fingerprint, IReadOnlyList<Document> documents)
    {
        var written = documents.Where(d => d.Destination is not null).Select(d => (Destination: d.Destination!, Hash: d.Content.Hash())).ToList();
        var writer = new CacheWriter();
        writer.WriteList(written, static (w, f) => { w.WriteString(f.Destination); w.WriteHash(f.Hash); });
        // Reused only while every file is still at hand in the previous output.
        var reads = written.Select(f => KeyValuePair.Create("output:" + f.Destination, f.Hash)).ToList();
        context.GetService<BuildCache>().Store(Key(context, unit), new CacheEntry(fingerprint, reads, writer.ToArray()));
    }

    private static UInt128 Key(IExecutionContext context, string unit) => ContentHash.Of(context.PipelineName, unit);

    private static List<(string Destination, UInt128 Hash)>? Decode(ReadOnlyMemory<byte> payload)
    {
        try
        {
            return new CacheReader(payload).ReadList(static r => (r.ReadRequiredString(), r.ReadHash()));
        }
        catch (CacheFormatException)
        {
            return null;
        }
    }
}
