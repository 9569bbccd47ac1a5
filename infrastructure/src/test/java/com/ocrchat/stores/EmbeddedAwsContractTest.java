package com.ocrchat.stores;

import com.ocrchat.aws.AwsStores;
import com.ocrchat.local.TestServer;

/** The AWS stores keep the store contracts against the embedded services: DynamoDB Local, s3proxy, ElasticMQ. */
class EmbeddedAwsContractTest extends AwsStoreContracts {
    @Override
    AwsStores stores() {
        return TestServer.stores();
    }
}
