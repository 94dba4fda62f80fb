using System.Collections.Concurrent;
using System.Diagnostics;

namespace KneeGuide.Core;

/// <summary>
/// Runs pipelines through the four phases. Independent pipelines run in parallel; a pipeline's Process
/// phase waits for the Process phase of its dependencies; PostProcess and Output wait for the whole
/// previous phase. Each phase's output is kept apart, and a module sees only what its phase may see
/// (<see cref="PhaseOutputs"/>). The engine does nothing else: no I/O, no HTTP, no configuration.
/// </summary>
public sealed class Engine(IReadOnlyList<Pipeline> pipelines, ServiceRegistry services)
{
    private readonly ConcurrentDictionary<(string Pipeline, Phase Phase), IReadOnlyList<Document>> _outputs = new();

    public DiagnosticBag Diagnostics { get; } = new();

    /// <summary>Called when a pipeline finishes a phase (for progress displays).</summary>
    public event Action<string, Phase, TimeSpan>? PhaseCompleted;

    public async Task<EngineResult> RunAsync(CancellationToken cancellationToken = default)
    {
        // Check first: duplicate names must be reported as such, not as a dictionary error.
        PipelineGraph.Check(pipelines);
        var byName = pipelines.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var timings = new ConcurrentDictionary<string, TimeSpan>(StringComparer.Ordinal);
        var total = Stopwatch.StartNew();

        await Task.WhenAll(pipelines.Select(p => RunPhaseAsync(p, Phase.Input, [], byName, timings, cancellationToken)));

        var processTasks = new Dictionary<string, Task>(StringComparer.Ordinal);
        Task ProcessOf(Pipeline p)
        {
            lock (processTasks)
            {
                if (!processTasks.TryGetValue(p.Name, out var task))
                {
                    var deps = p.Dependencies.Select(d => ProcessOf(byName[d])).ToArray();
                    task = Task.WhenAll(deps).ContinueWith(
                        _ => RunPhaseAsync(p, Phase.Process, _outputs[(p.Name, Phase.Input)], byName, timings, cancellationToken),
                        cancellationToken,
                        TaskContinuationOptions.None,
                        TaskScheduler.Default).Unwrap();
                    processTasks[p.Name] = task;
                }

                return task;
            }
        }

        await Task.WhenAll(pipelines.Select(ProcessOf));
        await Task.WhenAll(pipelines.Select(p => RunPhaseAsync(p, Phase.PostProcess, _outputs[(p.Name, Phase.Process)], byName, timings, cancellationToken)));
        await Task.WhenAll(pipelines.Select(p => RunPhaseAsync(p, Phase.Output, _outputs[(p.Name, Phase.PostProcess)], byName, timings, cancellationToken)));

        var final = pipelines.ToDictionary(p => p.Name, p => _outputs[(p.Name, Phase.Output)], StringComparer.Ordinal);
        return new EngineResult(Diagnostics, new FinalOutputs(final), total.Elapsed, new Dictionary<string, TimeSpan>(timings));
    }

    private async Task RunPhaseAsync(
        Pipeline pipeline,
        Phase phase,
        IReadOnlyList<Document> inputs,
        IReadOnlyDictionary<string, Pipeline> byName,
        ConcurrentDictionary<string, TimeSpan> timings,
        CancellationToken cancellationToken)
    {
        // Yield first so that pipelines started together really run side by side.
        await Task.Yield();
        var watch = Stopwatch.StartNew();
        var outputs = new PhaseOutputs(pipeline, phase, _outputs, byName);
        var context = new ExecutionContext(pipeline.Name, phase, Diagnostics, outputs, services, cancellationToken);
        var documents = inputs;
        foreach (var step in Steps(pipeline.ModulesFor(phase)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            documents = step.Count == 1
                ? await step[0].ExecuteAsync(documents, context)
                : await ParallelModule.ExecuteChain(step.Cast<ParallelModule>().ToList(), documents, context);
        }

        _outputs[(pipeline.Name, phase)] = documents;
        timings.AddOrUpdate(pipeline.Name, watch.Elapsed, (_, t) => t + watch.Elapsed);
        PhaseCompleted?.Invoke(pipeline.Name, phase, watch.Elapsed);
    }

    /// <summary>The modules of a phase in order, with each run of consecutive parallel modules as one step.</summary>
    private static List<List<IModule>> Steps(IReadOnlyList<IModule> modules)
    {
        var steps = new List<List<IModule>>();
        foreach (var module in modules)
        {
            if (module is ParallelModule && steps.Count > 0 && steps[^1][^1] is ParallelModule)
            {
                steps[^1].Add(module);
            }
            else
            {
                steps.Add([module]);
            }
        }

        return steps;
    }

    private sealed class ExecutionContext(
        string pipelineName,
        Phase phase,
        DiagnosticBag diagnostics,
        IPipelineOutputs outputs,
        ServiceRegistry services,
        CancellationToken cancellationToken) : IExecutionContext
    {
        public string PipelineName { get; } = pipelineName;

        public Phase Phase { get; } = phase;

        public DiagnosticBag Diagnostics { get; } = diagnostics;

        public IPipelineOutputs Outputs { get; } = outputs;

        public CancellationToken CancellationToken { get; } = cancellationToken;

        public T GetService<T>() where T : class => services.Get<T>();
    }

    /// <summary>
    /// What a pipeline may read of the others while it runs a phase, as Statiq's PhaseOutputs allows:
    /// reading anything else would depend on which pipeline happened to finish first.
    /// </summary>
    private sealed class PhaseOutputs(
        Pipeline reader,
        Phase phase,
        ConcurrentDictionary<(string Pipeline, Phase Phase), IReadOnlyList<Document>> outputs,
        IReadOnlyDictionary<string, Pipeline> byName) : IPipelineOutputs
    {
        public IReadOnlyList<Document> this[string pipelineName]
        {
            get
            {
                if (!byName.ContainsKey(pipelineName))
                {
                    throw new InvalidOperationException($"Pipeline '{reader.Name}' asked for the documents of '{pipelineName}', which does not exist.");
                }

                var readable = phase switch
                {
                    Phase.Process when DependsOn(reader, pipelineName) => Phase.Process,
                    Phase.PostProcess => Phase.Process,
                    Phase.Output => Phase.PostProcess,
                    _ => throw new InvalidOperationException(
                        $"Pipeline '{reader.Name}' read the documents of '{pipelineName}' in its {phase} phase: in the Process phase a pipeline may read only the pipelines it depends on, and in the Input phase none. Add the dependency, or move the module to a later phase."),
                };
                return outputs[(pipelineName, readable)];
            }
        }

        public IEnumerable<string> PipelineNames => byName.Keys.Order(StringComparer.Ordinal);

        private bool DependsOn(Pipeline pipeline, string other) =>
            pipeline.Dependencies.Any(d => d == other || DependsOn(byName[d], other));
    }
}

public sealed record EngineResult(
    DiagnosticBag Diagnostics,
    IPipelineOutputs Outputs,
    TimeSpan Elapsed,
    IReadOnlyDictionary<string, TimeSpan> PipelineTimings);

/// <summary>Every pipeline's final (Output phase) documents, once the engine has finished.</summary>
internal sealed class FinalOutputs(IReadOnlyDictionary<string, IReadOnlyList<Document>> outputs) : IPipelineOutputs
{
    public IReadOnlyList<Document> this[string pipelineName] =>
        outputs.TryGetValue(pipelineName, out var docs) ? docs : [];

    public IEnumerable<string> PipelineNames => outputs.Keys.Order(StringComparer.Ordinal);
}
