using AssetAuction.Service.Security;

namespace AssetAuction.Benchmarks.Compare;

/// <summary>
/// Starts the real service as its own process, as `compare` and `soak` measure it: Release, Production
/// environment, logging at Warning, a fresh SQLite database in <c>folder</c>, a random signing key; with a
/// <c>metricsPort</c>, its Prometheus endpoint on that port (the compare run reads the JIT's work from it).
/// </summary>
public static class ServiceUnderTest
{
    public static Task<ChildProcess> StartAsync(string serviceDll, string folder, AuthOptions auth, int grpcPort, int metricsPort = 0)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Database__Provider"] = "Sqlite",
            ["Database__ConnectionString"] = $"Data Source={Path.Combine(folder, "service.db")}",
            ["Auth__Issuer"] = auth.Issuer,
            ["Auth__Audience"] = auth.Audience,
            ["Auth__SigningKey"] = auth.SigningKey,
            ["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{grpcPort}",
            ["Kestrel__Endpoints__Rest__Url"] = $"http://127.0.0.1:{ChildProcess.FreePort()}",
        };
        if (metricsPort > 0)
        {
            environment["Telemetry__PrometheusPort"] = metricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return ChildProcess.StartAsync(serviceDll, environment, grpcPort);
    }
}
