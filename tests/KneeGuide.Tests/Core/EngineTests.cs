using System.Collections.Concurrent;
using KneeGuide.Core;

namespace KneeGuide.Tests.Core;

public sealed class EngineTests
{
    private static Task<EngineResult> Run(params Pipeline[] pipelines) =>
        new Engine(pipelines, new ServiceRegistry()).RunAsync();

    private static DelegateModule Record(ConcurrentQueue<string> log, string entry, Func<IReadOnlyList<Document>, IReadOnlyList<Document>>? transform = null) =>
        new((docs, _) =>
        {
            log.Enqueue(entry);
            return transform?.Invoke(docs) ?? docs;
        });

    [Fact]
    public async Task Runs_the_four_phases_of_a_pipeline_in_order()
    {
        var log = new ConcurrentQueue<string>();
        var p = new Pipeline("p");
        p.OutputModules.Add(Record(log, "output"));
        p.PostProcessModules.Add(Record(log, "post"));
        p.ProcessModules.Add(Record(log, "process"));
        p.InputModules.Add(Record(log, "input"));

        await Run(p);

        Assert.Equal(["input", "process", "post", "output"], log.ToArray());
    }

    [Fact]
    public async Task Process_waits_for_the_process_phase_of_its_dependencies()
    {
        var log = new ConcurrentQueue<string>();
        var slow = new Pipeline("slow");
        slow.ProcessModules.Add(new DelegateModule((docs, _) =>
        {
            Thread.Sleep(200);
            log.Enqueue("slow done");
            return [new Document("a.md", null)];
        }));
        var dependent = new Pipeline("dependent").DependsOn("slow");
        IReadOnlyList<Document>? seen = null;
        dependent.ProcessModules.Add(new DelegateModule((docs, ctx) =>
        {
            log.Enqueue("dependent");
            seen = ctx.Outputs["slow"];
            return docs;
        }));

        await Run(dependent, slow);

        Assert.Equal(["slow done", "dependent"], log.ToArray());
        Assert.Equal("a.md", Assert.Single(seen!).Source);
    }

    [Fact]
    public async Task PostProcess_sees_the_process_outputs_of_every_pipeline()
    {
        var seen = new ConcurrentDictionary<string, int>();
        var pipelines = Enumerable.Range(0, 4).Select(i =>
        {
            var p = new Pipeline($"p{i}");
            p.ProcessModules.Add(new DelegateModule((_, _) =>
            {
                Thread.Sleep(20 * i);
                return Enumerable.Range(0, i + 1).Select(n => new Document($"{i}-{n}", null)).ToList();
            }));
            p.PostProcessModules.Add(new DelegateModule((docs, ctx) =>
            {
                foreach (var name in ctx.Outputs.PipelineNames)
                {
                    seen.AddOrUpdate($"{p.Name} saw {name}", ctx.Outputs[name].Count, (_, v) => v);
                }

                return docs;
            }));
            return p;
        }).ToArray();

        await Run(pipelines);

        for (var from = 0; from < 4; from++)
        {
            for (var other = 0; other < 4; other++)
            {
                Assert.Equal(other + 1, seen[$"p{from} saw p{other}"]);
            }
        }
    }

    [Fact]
    public async Task A_dependency_cycle_is_refused_before_anything_runs()
    {
        var ran = false;
        var a = new Pipeline("a").DependsOn("b");
        a.InputModules.Add(new DelegateModule((d, _) => { ran = true; return d; }));
        var b = new Pipeline("b").DependsOn("a");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Run(a, b));

        Assert.Contains("cycle", error.Message);
        Assert.False(ran);
    }

    [Fact]
    public async Task An_unknown_dependency_is_refused_with_its_name()
    {
        var a = new Pipeline("a").DependsOn("missing");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Run(a));

        Assert.Contains("'missing'", error.Message);
    }

    [Fact]
    public async Task Two_pipelines_with_one_name_are_refused()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Run(new Pipeline("x"), new Pipeline("x")));

        Assert.Contains("'x'", error.Message);
    }

    [Fact]
    public async Task Diagnostics_reported_by_modules_come_back_once_and_sorted()
    {
        var p = new Pipeline("p");
        p.ProcessModules.Add(new DelegateModule((docs, ctx) =>
        {
            ctx.Diagnostics.Add(Diagnostic.Error("KG2001", new SourceLocation("b.md", 3, 1), "second"));
            ctx.Diagnostics.Add(Diagnostic.Error("KG2001", new SourceLocation("a.md", 9, 2), "first"));
            ctx.Diagnostics.Add(Diagnostic.Error("KG2001", new SourceLocation("b.md", 3, 1), "second"));
            return docs;
        }));

        var result = await Run(p);

        Assert.Equal(["a.md:9:2: error KG2001: first", "b.md:3:1: error KG2001: second"], result.Diagnostics.Sorted().Select(d => d.ToString()));
    }

    private sealed class UpperCase : ParallelModule
    {
        protected override Document? Execute(Document input, IDocumentContext context)
        {
            // Later documents finish first, so the order would be lost if it came from completion.
            Thread.Sleep(Math.Max(0, 30 - int.Parse(input.Source!)));
            return int.Parse(input.Source!) % 5 == 0 ? null : input.WithContent(input.Source!.ToUpperInvariant());
        }
    }

    [Fact]
    public async Task ParallelModule_keeps_the_input_order_and_drops_nulls()
    {
        var p = new Pipeline("p");
        p.InputModules.Add(new DelegateModule((_, _) => Enumerable.Range(1, 30).Select(i => new Document(i.ToString(), null)).ToList()));
        p.ProcessModules.Add(new UpperCase());

        var result = await Run(p);

        var expected = Enumerable.Range(1, 30).Where(i => i % 5 != 0).Select(i => i.ToString());
        Assert.Equal(expected, result.Outputs["p"].Select(d => d.Source));
    }
    private sealed class Suffix(string suffix, ConcurrentQueue<string> seen) : ParallelModule
    {
        protected override Document? Execute(Document input, IDocumentContext context)
        {
            seen.Enqueue($"{Environment.CurrentManagedThreadId}:{input.Source}{suffix}");
            return input.Source == "3" && suffix == "a" ? null : input.WithContent(input.Content.ReadText() + suffix);
        }
    }

    [Fact]
    public async Task Consecutive_parallel_modules_take_each_document_through_all_of_them_in_one_pass()
    {
        var seen = new ConcurrentQueue<string>();
        var p = new Pipeline("p");
        p.InputModules.Add(new DelegateModule((_, _) => Enumerable.Range(1, 4).Select(i => new Document(i.ToString(), null)).ToList()));
        p.ProcessModules.Add(new Suffix("a", seen));
        p.ProcessModules.Add(new Suffix("b", seen));

        var result = await Run(p);

        Assert.Equal(["ab", "ab", "ab"], result.Outputs["p"].Select(d => d.Content.ReadText()));
        Assert.Equal(["1", "2", "4"], result.Outputs["p"].Select(d => d.Source));
        // The document the first module dropped never reaches the second; each other document
        // reaches the second right after the first, on the same thread.
        Assert.DoesNotContain(seen, e => e.EndsWith(":3b", StringComparison.Ordinal));
        foreach (var thread in seen.GroupBy(e => e.Split(':')[0]))
        {
            var entries = thread.Select(e => e.Split(':')[1]).ToList();
            for (var i = 0; i < entries.Count; i++)
            {
                if (entries[i].EndsWith('a') && entries[i] != "3a")
                {
                    Assert.Equal(entries[i][..^1] + "b", entries[i + 1]);
                }
            }
        }
    }
}
