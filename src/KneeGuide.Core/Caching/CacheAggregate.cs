namespace KneeGuide.Core.Caching;

/// <summary>
/// Backdating for whole-site outputs (salsa's term): a module that makes files from the whole site
/// (the search index, the sitemap and feed) runs only when the hash of what it reads has changed;
/// otherwise the files it wrote last time are reused as they are. <paramref name="input"/> must
/// cover everything the module reads, the way a cached page's reads do.
/// </summary>
public sealed class CacheAggregate(string unit, Func<IExecutionContext, UInt128> input, IModule module) : IModule
{
    public async Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var cache = context.GetService<BuildCache>();
        var key = ContentHash.Of(context.PipelineName, unit);
        var fingerprint = new ContentHash.Builder().Add(module.GetType().FullName).Add(input(context)).Finish();
        if (cache.Find(key, fingerprint, context.GetService<IFactSource>()) is { } entry && Decode(entry.Payload) is { } files)
        {
            return files.Select(f => new Document(null, f.Destination, DocumentContent.Reused(f.Hash))).ToList();
        }

        var documents = await module.ExecuteAsync(inputs, context);
        var written = documents.Where(d => d.Destination is not null).Select(d => (Destination: d.Destination!, Hash: d.Content.Hash())).ToList();
        var writer = new CacheWriter();
        writer.WriteList(written, static (w, f) => { w.WriteString(f.Destination); w.WriteHash(f.Hash); });
        // Reused only while every file is still at hand in the previous output.
        var reads = written.Select(f => KeyValuePair.Create("output:" + f.Destination, f.Hash)).ToList();
        cache.Store(key, new CacheEntry(fingerprint, reads, writer.ToArray()));
        return documents;
    }

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
