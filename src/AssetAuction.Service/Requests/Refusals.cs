using AssetAuction.Domain.Common;

namespace AssetAuction.Service.Requests;

/// <summary>The exceptions that refuse a request (the client is told why) rather than report a fault of ours.</summary>
public static class Refusals
{
    public static bool Is(Exception error) =>
        error is DomainException or RequestValidationException or AccessDeniedException or ConcurrentChangeException;
}
