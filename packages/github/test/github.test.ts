import { describeEndToEnd, describeProvider } from '@passport-genauth/testing';
import * as github from '../src';

describeProvider(github);
describeEndToEnd(github);
