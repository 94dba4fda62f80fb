using KneeGuide.Core;
using KneeGuide.Core.Caching;

namespace KneeGuide.Site.Content;

/// <summary>
/// Input phase: one document per source file of the given kinds. The file is not read here: its
/// content hash (<see cref="SourceFingerprints"/>) is enough for the build cache to tell whether its
/// pages must be made again, and <see cref="ParseFrontMatter"/> reads it only when they must.
/// </summary>
public sealed class ReadContent(SourceCatalog catalog, params ContentKind[] kinds) : IModule
{
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var fingerprints = context.GetService<SourceFingerprints>();
        IReadOnlyList<Document> documents = catalog.Files
            .Where(f => kinds.Contains(catalog.KindOf(f)))
            .Select(f => new Document(f, null, DocumentContent.FromFile(catalog.AbsolutePath(f), fingerprints.Of(f) ?? Unreadable())))
            .ToList();
        return Task.FromResult(documents);
    }

    /// <summary>A file that could not be read gets a hash no cache entry has: it is read (and its error reported) every time.</summary>
    private static UInt128 Unreadable() => ContentHash.Of(Guid.NewGuid().ToString("N"));
}

/// <summary>Input phase: files copied as they are (images, static files, theme assets).</summary>
public sealed class ReadFiles(Func<IExecutionContext, IEnumerable<(string Source, string AbsolutePath, string Destination, UInt128? Hash)>> files) : IModule
{
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        IReadOnlyList<Document> result = files(context)
            .Select(f => new Document(f.Source, f.Destination, DocumentContent.FromFile(f.AbsolutePath, f.Hash)))
            .ToList();
        return Task.FromResult(result);
    }
}
