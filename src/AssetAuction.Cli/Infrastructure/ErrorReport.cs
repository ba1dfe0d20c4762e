using System.Net.Sockets;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Grpc.Core;

namespace AssetAuction.Cli;

/// <summary>
/// Turns what went wrong into words and an exit code: the service's google.rpc.Status (decoded from
/// grpc-status-details-bin, never shown as base64) as code, reason, message and field violations.
/// </summary>
internal static class ErrorReport
{
    private static readonly JsonFormatter StatusJson = new(JsonFormatter.Settings.Default
        .WithIndentation()
        .WithTypeRegistry(TypeRegistry.FromMessages(ErrorInfo.Descriptor, BadRequest.Descriptor, PreconditionFailure.Descriptor, ResourceInfo.Descriptor, Help.Descriptor)));

    public static int Write(CliHost host, Exception error, bool json, string? requestId)
    {
        switch (error)
        {
            case UsageException usage:
                host.Error.WriteLine($"error: {usage.Message}");
                return ExitCodes.Usage;
            case RpcException rpc:
                return WriteRpc(host, rpc, json, requestId);
            case HttpRequestException or SocketException:
                host.Error.WriteLine($"error: the service cannot be reached: {error.Message}");
                return ExitCodes.Unreachable;
            default:
                throw error;
        }
    }

    private static int WriteRpc(CliHost host, RpcException rpc, bool json, string? requestId)
    {
        var status = rpc.GetRpcStatus();
        var unreachable = rpc.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded;
        if (json)
        {
            // Scripts get the google.rpc.Status itself, details included, as the REST face gives it.
            status ??= new Google.Rpc.Status { Code = (int)rpc.StatusCode, Message = rpc.Status.Detail };
            host.Error.WriteLine(StatusJson.Format(status));
        }
        else
        {
            var info = status?.GetDetail<ErrorInfo>();
            var reason = info is null ? "" : $" {info.Reason}";
            host.Error.WriteLine($"error: {CodeName(rpc.StatusCode)}{reason}: {status?.Message ?? rpc.Status.Detail}");
            foreach (var violation in status?.GetDetail<BadRequest>()?.FieldViolations ?? [])
            {
                host.Error.WriteLine($"  {violation.Field}: {violation.Description}");
            }

            foreach (var violation in status?.GetDetail<PreconditionFailure>()?.Violations ?? [])
            {
                host.Error.WriteLine($"  {violation.Type} {violation.Subject}: {violation.Description}");
            }

            if (unreachable && requestId is not null)
            {
                host.Error.WriteLine($"  retry with --request-id {requestId}: a retry with the same id is applied once.");
            }
        }

        return unreachable ? ExitCodes.Unreachable : ExitCodes.Refused;
    }

    /// <summary>UNAVAILABLE rather than Unavailable: the names the gRPC documentation and the service's comments use.</summary>
    private static string CodeName(StatusCode code) => code switch
    {
        StatusCode.InvalidArgument => "INVALID_ARGUMENT",
        StatusCode.FailedPrecondition => "FAILED_PRECONDITION",
        StatusCode.NotFound => "NOT_FOUND",
        StatusCode.PermissionDenied => "PERMISSION_DENIED",
        StatusCode.Unauthenticated => "UNAUTHENTICATED",
        StatusCode.AlreadyExists => "ALREADY_EXISTS",
        StatusCode.Aborted => "ABORTED",
        StatusCode.Unavailable => "UNAVAILABLE",
        StatusCode.DeadlineExceeded => "DEADLINE_EXCEEDED",
        StatusCode.ResourceExhausted => "RESOURCE_EXHAUSTED",
        StatusCode.Unimplemented => "UNIMPLEMENTED",
        StatusCode.Internal => "INTERNAL",
        _ => code.ToString().ToUpperInvariant(),
    };
}
