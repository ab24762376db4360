using Halyard.Core.Model;

namespace Halyard.Core.Cache;

public sealed partial class InMemoryCache
{
    private readonly Dictionary<PositionId, Position> _positions = [];
    private readonly List<Position> _positionsByAge = [];
    private readonly Dictionary<AccountId, Account> _accounts = [];

    public void AddPosition(Position position)
    {
        ArgumentNullException.ThrowIfNull(position);
        if (!_positions.TryAdd(position.Id, position))
            throw new InvalidOperationException($"position {position.Id} is already in the cache");
        _positionsByAge.Add(position);
    }

    public void UpdatePosition(Position position)
    {
        ArgumentNullException.ThrowIfNull(position);
        if (!_positions.ContainsKey(position.Id)) AddPosition(position);
    }

    public Position? Position(PositionId positionId) => _positions.GetValueOrDefault(positionId);
    public bool PositionExists(PositionId positionId) => _positions.ContainsKey(positionId);

    public IReadOnlyList<Position> Positions(InstrumentId? instrumentId = null, StrategyId? strategyId = null) =>
        SelectPositions(_positionsByAge, instrumentId, strategyId);

    public IReadOnlyList<Position> PositionsOpen(InstrumentId? instrumentId = null, StrategyId? strategyId = null)
    {
        // Risk checks ask every second of a backtest; with nothing open that must not allocate.
        int open = 0;
        foreach (Position p in _positionsByAge)
            if (p.IsOpen) open++;
        return open == 0 ? Array.Empty<Position>() : SelectPositions(_positionsByAge.Where(p => p.IsOpen), instrumentId, strategyId);
    }

    public IReadOnlyList<Position> PositionsClosed(InstrumentId? instrumentId = null, StrategyId? strategyId = null) =>
        SelectPositions(_positionsByAge.Where(p => p.IsClosed), instrumentId, strategyId);

    public decimal NetPosition(InstrumentId instrumentId)
    {
        decimal net = 0m;
        foreach (Position p in _positionsByAge)
            if (p.IsOpen && p.InstrumentId == instrumentId) net += p.SignedQty;
        return net;
    }

    private static List<Position> SelectPositions(IEnumerable<Position> positions, InstrumentId? instrumentId, StrategyId? strategyId) =>
        [.. positions.Where(p => (instrumentId is null || p.InstrumentId == instrumentId) && (strategyId is not StrategyId s || p.StrategyId == s))];

    public void AddAccount(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (_accounts.TryGetValue(account.Id, out Account? known) && ReferenceEquals(known, account)) return;
        _accounts[account.Id] = account;
        _accountsSorted = null;
    }

    public Account? Account(AccountId accountId) => _accounts.GetValueOrDefault(accountId);

    public Account? AccountFor(Venue venue) => _accounts.Values.FirstOrDefault(a => a.Id.Issuer == venue.Name);

    /// <summary>Every account by id; the sorted list is kept until an account is added or replaced (equity checks ask often).</summary>
    public IReadOnlyList<Account> Accounts() =>
        _accountsSorted ??= Array.AsReadOnly(_accounts.Values.OrderBy(a => a.Id.Value, StringComparer.Ordinal).ToArray());

    private IReadOnlyList<Account>? _accountsSorted;
}
