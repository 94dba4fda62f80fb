using KneeGuide.Core;

namespace KneeGuide.Site.Content;

/// <summary>Input phase: one document per source file of the given kinds, text read strictly as UTF-8.</summary>
public sealed class ReadContent(SourceCatalog catalog, params ContentKind[] kinds) : IModule
{
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var files = catalog.Files.Where(f => kinds.Contains(catalog.KindOf(f))).ToList();
        var documents = new Document?[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            var text = SourceText.Read(catalog.AbsolutePath(files[i]), catalog.Display(files[i]), context.Diagnostics);
            documents[i] = text is null ? null : new Document(files[i], null, DocumentContent.FromText(text));
        });
        IReadOnlyList<Document> result = documents.Where(d => d is not null).Select(d => d!).ToList();
        return Task.FromResult(result);
    }
}

/// <summary>Input phase: files copied as they are (images, static files, theme assets).</summary>
public sealed class ReadFiles(Func<IEnumerable<(string Source, string AbsolutePath, string Destination)>> files) : IModule
{
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        IReadOnlyList<Document> result = files()
            .Select(f => new Document(f.Source, f.Destination, DocumentContent.FromFile(f.AbsolutePath)))
            .ToList();
        return Task.FromResult(result);
    }
}
