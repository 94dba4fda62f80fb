using KneeGuide.Core;

namespace KneeGuide.Site.Output;

/// <summary>Output phase: writes every document that has a destination into the staging folder.</summary>
public sealed class WriteFiles : IModule
{
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var staging = context.GetService<OutputStaging>();
        Parallel.ForEach(inputs.Where(d => d.Destination is not null), new ParallelOptions { CancellationToken = context.CancellationToken }, doc =>
            doc.Content.WriteTo(staging.PathFor(doc.Destination!)));
        return Task.FromResult(inputs);
    }
}
