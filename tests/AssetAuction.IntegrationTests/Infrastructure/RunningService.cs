using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using AssetAuction.Service.Security;
using Grpc.Net.Client;

namespace AssetAuction.IntegrationTests.Infrastructure;

/// <summary>
/// The real service binary serving as its own process on free loopback ports and a given SQLite file, on the real
/// clock (a separate process cannot share the tests' fake one). Ready once its gRPC port accepts connections (it
/// migrates before it listens). <see cref="Kill"/> is SIGKILL: no shutdown, no flush, as a power cut or an OOM kill.
/// </summary>
public sealed class RunningService : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _output;
    private readonly Task<string> _error;

    private RunningService(Process process, int grpcPort, int restPort)
    {
        _process = process;
        GrpcPort = grpcPort;
        RestPort = restPort;
        _output = process.StandardOutput.ReadToEndAsync(); // drained, so the service never blocks on a full pipe
        _error = process.StandardError.ReadToEndAsync();
    }

    public int GrpcPort { get; }

    public int RestPort { get; }

    public static async Task<RunningService> StartAsync(string databasePath, IReadOnlyDictionary<string, string>? settings = null)
    {
        var grpcPort = FreePort();
        var restPort = FreePort();
        var environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Sqlite",
            ["Database__ConnectionString"] = $"Data Source={databasePath}",
            ["Auth__Issuer"] = ServiceFactory.Issuer,
            ["Auth__Audience"] = ServiceFactory.Audience,
            ["Auth__SigningKey"] = ServiceFactory.TestSigningKey,
            ["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{grpcPort}",
            ["Kestrel__Endpoints__Rest__Url"] = $"http://127.0.0.1:{restPort}",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var service = new RunningService(ServiceProcess.Start(environment), grpcPort, restPort);

        // Real time: a separate process, whose only sign of being ready is its port accepting connections (it logs
        // warnings only); tried every 100 ms for at most 90 s, and no duration is asserted.
        var started = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, grpcPort);
                return service;
            }
            catch (SocketException) when (started.Elapsed < TimeSpan.FromSeconds(90) && !service._process.HasExited)
            {
                await Task.Delay(100);
            }
            catch (SocketException)
            {
                service.Kill();
                throw new InvalidOperationException($"The service did not start listening: {await service.OutputAsync()}");
            }
        }
    }

    /// <summary>A token for the service started here (the tests' signing key), valid for an hour of real time.</summary>
    public static string Token(string role, string office = "", string organization = "") =>
        TokenMinter.Mint(new AuthOptions { Issuer = ServiceFactory.Issuer, Audience = ServiceFactory.Audience, SigningKey = ServiceFactory.TestSigningKey },
            $"process-{role}-{office}{organization}", role, office, organization, TimeProvider.System.GetUtcNow(), TimeSpan.FromHours(1));

    /// <summary>A channel to the gRPC port; with a token, every call carries it as a bearer header.</summary>
    public GrpcChannel Channel(string? token) =>
        GrpcChannel.ForAddress($"http://127.0.0.1:{GrpcPort}", new GrpcChannelOptions
        {
            HttpHandler = new ServiceFactory.BearerHandler(token) { InnerHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true } },
            DisposeHttpClient = true,
        });

    /// <summary>SIGKILL, then waits until the process is gone.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
    }

    /// <summary>What the process wrote, once it has exited.</summary>
    public async Task<string> OutputAsync() => await _output + await _error;

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
