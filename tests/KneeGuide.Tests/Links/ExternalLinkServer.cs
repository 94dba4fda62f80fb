using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace KneeGuide.Tests.Links;

/// <summary>
/// A scripted HTTP server on 127.0.0.1 (never any other host) for the external link tests. Each path
/// is answered by a handler that sees how many times that path was asked before; every request is
/// recorded, and the highest number of requests in flight at once is tracked.
/// </summary>
public sealed class ExternalLinkServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, Func<HttpListenerContext, int, Task>> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Method, string Path)> _requests = new();
    private int _inFlight;
    private int _maxInFlight;

    public ExternalLinkServer()
    {
        Port = FreePort();
        BaseUrl = $"http://127.0.0.1:{Port}";
        _listener.Prefixes.Add(BaseUrl + "/");
        _listener.Start();
        _ = Task.Run(AcceptLoop);
    }

    public int Port { get; }

    public string BaseUrl { get; }

    public IReadOnlyList<(string Method, string Path)> Requests => _requests.ToList();

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public string Url(string path) => BaseUrl + path;

    public int RequestsTo(string path) => _requests.Count(r => r.Path == path);

    /// <summary>Answers <paramref name="path"/>; the handler gets the context and the 0-based request number for that path.</summary>
    public ExternalLinkServer On(string path, Func<HttpListenerContext, int, Task> handler)
    {
        _routes[path] = handler;
        return this;
    }

    public ExternalLinkServer Status(string path, int status) => On(path, (c, _) => Respond(c, status));

    public static Task Respond(HttpListenerContext context, int status, string? retryAfter = null)
    {
        context.Response.StatusCode = status;
        if (retryAfter is not null)
        {
            context.Response.Headers["Retry-After"] = retryAfter;
        }

        context.Response.ContentLength64 = 0;
        context.Response.Close();
        return Task.CompletedTask;
    }

    private async Task AcceptLoop()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        _requests.Enqueue((context.Request.HttpMethod, path));
        var now = Interlocked.Increment(ref _inFlight);
        int seen;
        do
        {
            seen = Volatile.Read(ref _maxInFlight);
        }
        while (now > seen && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen);

        var n = _counts.AddOrUpdate(path, 0, (_, c) => c + 1);
        try
        {
            if (_routes.TryGetValue(path, out var handler))
            {
                await handler(context, n);
            }
            else
            {
                await Respond(context, 404);
            }
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
            // The client gave up (a timeout test): nothing to answer.
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
    }
}
