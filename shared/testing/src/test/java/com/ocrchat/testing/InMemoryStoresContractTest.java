package com.ocrchat.testing;

import com.ocrchat.auth.AccountStore;
import com.ocrchat.conversation.ConversationStore;
import com.ocrchat.job.Chunk;
import com.ocrchat.job.ChunkQueue;
import com.ocrchat.job.JobStore;
import com.ocrchat.metering.BalanceLedger;
import com.ocrchat.store.ObjectStore;
import com.ocrchat.testing.contract.AccountStoreContract;
import com.ocrchat.testing.contract.BalanceLedgerContract;
import com.ocrchat.testing.contract.ChunkQueueContract;
import com.ocrchat.testing.contract.ConversationStoreContract;
import com.ocrchat.testing.contract.JobStoreContract;
import com.ocrchat.testing.contract.ObjectStoreContract;
import java.util.List;
import org.junit.jupiter.api.Nested;

/** The in-memory stores keep the same contracts as the AWS ones (infrastructure's AwsStoresContractTest runs them there). */
class InMemoryStoresContractTest {

    @Nested
    class Deliveries extends com.ocrchat.testing.contract.DeliveryLogContract {
        private final InMemoryDeliveryLog log = new InMemoryDeliveryLog();

        @Override
        protected com.ocrchat.webhook.DeliveryLog log() {
            return log;
        }
    }

    @Nested
    class IdempotencyKeys extends com.ocrchat.testing.contract.IdempotencyStoreContract {
        private final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore();

        @Override
        protected com.ocrchat.job.IdempotencyStore store() {
            return store;
        }
    }

    @Nested
    class Jobs extends JobStoreContract {
        private final InMemoryAccounts accounts = new InMemoryAccounts();
        private final InMemoryJobStore store = new InMemoryJobStore(accounts);

        @Override
        protected JobStore store() {
            return store;
        }

        @Override
        protected BalanceLedger ledger() {
            return accounts;
        }
    }

    @Nested
    class Objects extends ObjectStoreContract {
        private final InMemoryObjectStore store = new InMemoryObjectStore();

        @Override
        protected ObjectStore store() {
            return store;
        }
    }

    @Nested
    class Accounts extends AccountStoreContract {
        private final InMemoryAccounts accounts = new InMemoryAccounts();

        @Override
        protected AccountStore accounts() {
            return accounts;
        }
    }

    @Nested
    class Balances extends BalanceLedgerContract {
        private final InMemoryAccounts accounts = new InMemoryAccounts();

        @Override
        protected BalanceLedger ledger() {
            return accounts;
        }

        @Override
        protected AccountStore accounts() {
            return accounts;
        }
    }

    @Nested
    class Conversations extends ConversationStoreContract {
        private final InMemoryConversationStore store = new InMemoryConversationStore();

        @Override
        protected ConversationStore store() {
            return store;
        }
    }

    @Nested
    class Queue extends ChunkQueueContract {
        private final InMemoryChunkQueue queue = new InMemoryChunkQueue();

        @Override
        protected ChunkQueue queue() {
            return queue;
        }

        @Override
        protected List<Chunk> received(boolean priority) {
            return queue.drain(priority);
        }
    }
}
