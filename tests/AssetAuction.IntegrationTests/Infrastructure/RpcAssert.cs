using Google.Rpc;
using Grpc.Core;

namespace AssetAuction.IntegrationTests.Infrastructure;

/// <summary>Asserts on a failed call's status, reason code and error details.</summary>
public static class RpcAssert
{
    public static async Task<Google.Rpc.Status> FailsAsync(StatusCode code, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(code, error.StatusCode);
        return error.GetRpcStatus() ?? new Google.Rpc.Status { Code = (int)code, Message = error.Status.Detail };
    }

    public static async Task<Google.Rpc.Status> FailsAsync(StatusCode code, string reason, Func<Task> call)
    {
        var status = await FailsAsync(code, call);
        Assert.Equal(reason, status.GetDetail<ErrorInfo>()?.Reason);
        return status;
    }

    /// <summary>The field paths named by the BadRequest detail.</summary>
    public static IReadOnlyList<string> Fields(Google.Rpc.Status status) =>
        status.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Field).ToList() ?? [];
}
