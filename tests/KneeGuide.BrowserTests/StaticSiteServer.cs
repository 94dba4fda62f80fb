using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace KneeGuide.BrowserTests;

/// <summary>
/// Serves a built site from 127.0.0.1 on a free port, the way Netlify does: folder URLs from their
/// index.html, unknown paths with their 404 page (a language's under /es/, by the site's _redirects:
/// <see cref="KneeGuide.Site.SiteFiles.NotFoundPages"/>) and status 404, and every response with the security
/// headers of the repository's netlify.toml, so a theme that breaks the Content-Security-Policy
/// fails in the browser tests as it would in production.
/// </summary>
public sealed partial class StaticSiteServer : IDisposable
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".json"] = "application/json",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".webp"] = "image/webp",
        [".xml"] = "application/xml",
        [".txt"] = "text/plain; charset=utf-8",
    };

    private readonly string _root;
    private readonly HttpListener _listener = new();
    private readonly IReadOnlyList<(string Name, string Value)> _headers;
    private readonly Task _loop;

    public StaticSiteServer(string root, IReadOnlyList<(string Name, string Value)> headers)
    {
        _root = Path.GetFullPath(root);
        _headers = headers;
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    /// <summary>The folder served.</summary>
    public string Root => _root;

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    /// <summary>The values of netlify.toml's <c>[[headers]]</c> block for one path pattern (one `Name = "value"` per line): the site's "/*" by default.</summary>
    public static IReadOnlyList<(string Name, string Value)> NetlifyHeaders(string netlifyToml, string forPath = "/*")
    {
        var text = File.ReadAllText(netlifyToml);
        foreach (var block in text.Split("[[headers]]").Skip(1))
        {
            var start = block.IndexOf("[headers.values]", StringComparison.Ordinal);
            if (block.Contains($"for = \"{forPath}\"", StringComparison.Ordinal) && start >= 0)
            {
                return HeaderLine().Matches(block[start..]).Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
            }
        }

        throw new InvalidOperationException($"{netlifyToml} has no [[headers]] block for \"{forPath}\"");
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task LoopAsync()
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

            _ = Task.Run(() => Serve(context));
        }
    }

    private void Serve(HttpListenerContext context)
    {
        using var response = context.Response;
        foreach (var (name, value) in _headers)
        {
            response.Headers[name] = value;
        }

        var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath);
        var file = Resolve(path);
        response.StatusCode = file is null ? 404 : 200;
        file ??= KneeGuide.Site.SiteFiles.NotFoundPages.FileFor(_root, path) ?? Path.Combine(_root, "404.html");
        response.ContentType = ContentTypes.GetValueOrDefault(Path.GetExtension(file), "application/octet-stream");
        var bytes = File.ReadAllBytes(file);
        response.ContentLength64 = bytes.Length;
        response.OutputStream.Write(bytes);
    }

    /// <summary>The file for a URL path, or null; never a file outside the site folder.</summary>
    private string? Resolve(string path)
    {
        var full = Path.GetFullPath(Path.Combine(_root, path.TrimStart('/')));
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && full != _root)
        {
            return null;
        }

        if (Directory.Exists(full))
        {
            full = Path.Combine(full, "index.html");
        }

        return File.Exists(full) ? full : null;
    }

    public void Dispose()
    {
        if (!_listener.IsListening)
        {
            return;
        }

        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }

    [GeneratedRegex("""^\s*([A-Za-z-]+)\s*=\s*"([^"]*)"\s*$""", RegexOptions.Multiline)]
    private static partial Regex HeaderLine();
}
