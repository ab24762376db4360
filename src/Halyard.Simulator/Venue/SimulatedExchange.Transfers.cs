namespace Halyard.Simulator.Venue;

internal sealed partial class SimulatedExchange
{
    private readonly Dictionary<string, decimal> _spotUsdc = new(StringComparer.Ordinal);

    /// <summary>usdSend: moves withdrawable USDC to another account, which becomes funded.</summary>
    public string? Transfer(string from, string to, decimal amount)
    {
        if (Engine.Ledger.Withdraw(from, amount) is { } error) return error;
        Engine.Ledger.Deposit(to, amount);
        _funded.Add(to);
        return null;
    }

    /// <summary>withdraw3: removes USDC (plus the $1 fee is part of the amount) from the exchange.</summary>
    public string? Withdraw(string account, decimal amount) => Engine.Ledger.Withdraw(account, amount);

    /// <summary>usdClassTransfer: moves USDC between the perp margin account and the spot balance.</summary>
    public string? MoveBetweenSpotAndPerp(string account, decimal amount, bool toPerp)
    {
        if (toPerp)
        {
            decimal spot = _spotUsdc.GetValueOrDefault(account);
            if (spot < amount) return $"Insufficient spot balance: {spot} USDC available.";
            _spotUsdc[account] = spot - amount;
            Engine.Ledger.Deposit(account, amount);
            return null;
        }
        if (Engine.Ledger.Withdraw(account, amount) is { } error) return error;
        _spotUsdc[account] = _spotUsdc.GetValueOrDefault(account) + amount;
        return null;
    }
}
