namespace KneeGuide.Core;

/// <summary>One step of a pipeline: documents in, documents out. Name modules verb-noun (RenderMarkdown).</summary>
public interface IModule
{
    Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context);
}

/// <summary>
/// A module that transforms each document on its own, in parallel, keeping the input order so that the
/// output stays deterministic. Returning null drops the document (a draft, a file with errors).
/// </summary>
public abstract class ParallelModule : IModule
{
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var results = new Document?[inputs.Count];
        Parallel.For(
            0,
            inputs.Count,
            new ParallelOptions { CancellationToken = context.CancellationToken },
            i => results[i] = Execute(inputs[i], context));
        IReadOnlyList<Document> kept = results.Where(d => d is not null).Select(d => d!).ToList();
        return Task.FromResult(kept);
    }

    protected abstract Document? Execute(Document input, IExecutionContext context);
}

/// <summary>A module made from a function over the whole list, for small glue steps.</summary>
public sealed class DelegateModule(Func<IReadOnlyList<Document>, IExecutionContext, IReadOnlyList<Document>> execute) : IModule
{
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context) =>
        Task.FromResult(execute(inputs, context));
}
