namespace KneeGuide.Core;

/// <summary>Checks that pipeline names are unique, dependencies exist and there is no cycle.</summary>
public static class PipelineGraph
{
    public static void Check(IReadOnlyList<Pipeline> pipelines)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in pipelines)
        {
            if (!names.Add(p.Name))
            {
                throw new InvalidOperationException($"Two pipelines are named '{p.Name}'.");
            }
        }

        foreach (var p in pipelines)
        {
            foreach (var d in p.Dependencies.Where(d => !names.Contains(d)))
            {
                throw new InvalidOperationException($"Pipeline '{p.Name}' depends on unknown pipeline '{d}'.");
            }
        }

        var byName = pipelines.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 visiting, 2 done
        void Visit(Pipeline p, Stack<string> path)
        {
            if (state.TryGetValue(p.Name, out var s))
            {
                if (s == 1)
                {
                    throw new InvalidOperationException($"Pipeline dependency cycle: {string.Join(" -> ", path.Reverse())} -> {p.Name}.");
                }

                return;
            }

            state[p.Name] = 1;
            path.Push(p.Name);
            foreach (var d in p.Dependencies)
            {
                Visit(byName[d], path);
            }

            path.Pop();
            state[p.Name] = 2;
        }

        foreach (var p in pipelines)
        {
            Visit(p, new Stack<string>());
        }
    }
}
