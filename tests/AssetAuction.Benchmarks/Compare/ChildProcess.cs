using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace AssetAuction.Benchmarks.Compare;

/// <summary>
/// A server the compare run starts as its own process (the real service, or the echo baseline) from this program's
/// output folder, on a free loopback port; ready once the port accepts connections. Its output is drained (the last
/// lines are kept to explain a failed start) and it is killed on dispose.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _tail = new();

    private ChildProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Port { get; }

    public int Id => _process.Id;

    public Uri Url => new($"http://127.0.0.1:{Port}");

    /// <summary>Starts <c>dotnet DLL args</c> with <paramref name="environment"/>; <paramref name="port"/> is the port to wait for.</summary>
    public static async Task<ChildProcess> StartAsync(string dll, IReadOnlyDictionary<string, string> environment, int port, params string[] args)
    {
        // A dll named without a folder is the one beside the benchmark; one given by path (compare --service) runs
        // from its own folder, so it reads its own appsettings and rule sets.
        var path = Path.IsPathRooted(dll) ? dll : Path.Combine(AppContext.BaseDirectory, dll);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(path)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(path);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var child = new ChildProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"), port);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return child;
            }
            catch (SocketException) when (waited.Elapsed < TimeSpan.FromSeconds(120) && !child._process.HasExited)
            {
                await Task.Delay(100);
            }
            catch (SocketException)
            {
                var output = child.Tail();
                child.Dispose();
                throw new InvalidOperationException($"{dll} did not start listening on port {port}:\n{output}");
            }
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The CPU time the process has used so far (user and system, all its threads).</summary>
    public TimeSpan ProcessorTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    /// <summary>Resident memory now and at its peak (VmRSS, VmHWM), in MB.</summary>
    public (long Now, long Peak) Memory()
    {
        long Read(string key) => long.Parse(File.ReadLines($"/proc/{Id}/status").First(l => l.StartsWith(key, StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        return (Read("VmRSS:"), Read("VmHWM:"));
    }

    public string Tail()
    {
        lock (_tail)
        {
            return string.Join('\n', _tail);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_tail)
        {
            _tail.Enqueue(line);
            if (_tail.Count > 40)
            {
                _tail.Dequeue();
            }
        }
    }
}
