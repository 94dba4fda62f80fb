namespace KneeGuide.Core;

/// <summary>One step of a pipeline: documents in, documents out. Name modules verb-noun (RenderMarkdown).</summary>
public interface IModule
{
    Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context);
}

/// <summary>
/// A module that transforms each document on its own, in parallel, keeping the input order so that the
/// output stays deterministic. Returning null drops the document (a draft, a file with errors).
/// The engine runs consecutive parallel modules of a phase as one pass (<see cref="ExecuteChain"/>):
/// each document goes through all of them before the thread takes the next one, so what one module
/// makes and the next consumes (a page's HTML that is written and released, say) never piles up for
/// the whole site at once.
/// </summary>
public abstract class ParallelModule : IModule
{
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context) =>
        ExecuteChain([this], inputs, context);

    protected internal abstract Document? Execute(Document input, IExecutionContext context);

    /// <summary>Runs each document through every module in turn; a null from any module drops it.</summary>
    public static Task<IReadOnlyList<Document>> ExecuteChain(IReadOnlyList<ParallelModule> modules, IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var results = new Document?[inputs.Count];
        Parallel.For(
            0,
            inputs.Count,
            new ParallelOptions { CancellationToken = context.CancellationToken },
            i =>
            {
                Document? document = inputs[i];
                for (var m = 0; m < modules.Count && document is not null; m++)
                {
                    document = modules[m].Execute(document, context);
                }

                results[i] = document;
            });
        IReadOnlyList<Document> kept = results.Where(d => d is not null).Select(d => d!).ToList();
        return Task.FromResult(kept);
    }
}

/// <summary>A module made from a function over the whole list, for small glue steps.</summary>
public sealed class DelegateModule(Func<IReadOnlyList<Document>, IExecutionContext, IReadOnlyList<Document>> execute) : IModule
{
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context) =>
        Task.FromResult(execute(inputs, context));
}
