using KneeGuide.Core;

namespace KneeGuide.Site.Output;

/// <summary>Output phase: writes every document that has a destination into the staging folder.</summary>
public sealed class WriteFiles : IModule
{
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var staging = context.GetService<OutputStaging>();

        // A build that already has errors publishes nothing: don't spend time writing it.
        if (context.Diagnostics.HasErrors)
        {
            return Task.FromResult(inputs);
        }

        Parallel.ForEach(inputs.Where(d => d.Destination is not null), new ParallelOptions { CancellationToken = context.CancellationToken }, doc =>
        {
            // Two documents at one address is an error (CheckOutputPaths reports it); only the first
            // is written, so two writers never race on one file.
            if (staging.TryClaim(doc.Destination!))
            {
                doc.Content.WriteTo(staging.PathFor(doc.Destination!));
            }
        });
        return Task.FromResult(inputs);
    }
}
