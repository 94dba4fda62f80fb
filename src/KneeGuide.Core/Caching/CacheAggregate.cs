namespace KneeGuide.Core.Caching;

/// <summary>
/// Backdating for whole-site outputs (salsa's term): a module that makes files from the whole site
/// (the sitemap and feed) runs only when the hash of what it reads has changed; otherwise the files
/// it wrote last time are reused as they are (<see cref="CachedFiles"/>). <paramref name="input"/>
/// must cover everything the module reads, the way a cached page's reads do.
/// </summary>
public sealed class CacheAggregate(string unit, Func<IExecutionContext, UInt128> input, IModule module) : IModule
{
    public async Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var fingerprint = new ContentHash.Builder().Add(module.GetType().FullName).Add(input(context)).Finish();
        if (CachedFiles.Find(context, unit, fingerprint) is { } reused)
        {
            return reused;
        }

        var documents = await module.ExecuteAsync(inputs, context);
        CachedFiles.Store(context, unit, fingerprint, documents);
        return documents;
    }
}
